import ArgumentParser
import Foundation
import PodiumConfig
import PodiumCore
import PodiumImport

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Turn a published schedule (frab/pretalx XML or JSON, iCalendar) or a programme spreadsheet (.csv, .xlsx) into a conference file.",
    discussion: """
      With --into, merges into that conference file by stable session ids (keeping its booths, names and \
      translations), shows what changes, and writes it unless --dry-run. Then `kill -HUP` the daemon (or \
      `systemctl reload podiumd`) to bring the new programme into force; sessions already started or ended \
      keep their actual times. A file that cannot be imported changes nothing.
      """)

  @Argument(help: "The schedule file.") var file: String
  @Option(help: "The conference file to merge into (and write), e.g. config/conferences/rabat-2026.yaml.")
  var into: String?
  @Option(
    help: """
      The conference's IANA time zone, e.g. Europe/Brussels. Needed when the schedule names none; \
      with --into, the conference file's zone is used unless this is given.
      """)
  var timeZone: String?
  @Flag(help: "Show a summary and what would change; write nothing.") var dryRun = false
  @Flag(help: "With --dry-run, print the whole conference file after the summary.") var showFile = false

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      printError("\(file): cannot read the file")
      throw ExitCode(1)
    }
    let existing = try into.flatMap { path in
      FileManager.default.fileExists(atPath: path) ? try ConferenceFile.load(path: path) : nil
    }
    let imported: ImportedSchedule
    do {
      imported = try ScheduleImport.parse(data, file: file, timeZone: timeZone ?? existing?.timeZone)
    } catch {
      printError("\(error)")
      throw ExitCode(1)
    }
    if !dryRun {
      for warning in imported.warnings { printError("warning: \(warning)") }
    }
    let conference = existing.map { ScheduleMerge.merge(imported.conference, into: $0) } ?? imported.conference
    let yaml = try ConferenceFile.yaml(conference)
    do {
      _ = try ConferenceFile.parse(yaml, file: into ?? "imported")
    } catch {
      printError("the imported schedule is not a valid Podium conference, nothing written: \(error)")
      throw ExitCode(1)
    }
    if dryRun {
      print(ImportSummary(imported))
    }
    guard let into else {
      if !dryRun || showFile { print(yaml, terminator: "") }
      return
    }
    let diff = ProgrammeDiff(from: existing, to: conference)
    print(Self.describe(diff))
    if dryRun && showFile { print(yaml, terminator: "") }
    if dryRun || diff.isEmpty && existing != nil {
      print(dryRun ? "dry run: \(into) unchanged" : "\(into) is up to date")
      return
    }
    try yaml.write(toFile: into, atomically: true, encoding: .utf8)
    print("wrote \(into); `kill -HUP $(pidof podiumd)` brings it into force")
  }

  static func describe(_ diff: ProgrammeDiff) -> String {
    var lines = diff.addedRooms.map { "+ room \($0)" } + diff.removedRooms.map { "- room \($0)" }
    lines += diff.added.map { "+ \($0.id) \($0.title)" }
    lines += diff.removed.map { "- \($0.id) \($0.title)" }
    lines += diff.changed.map { "~ \($0.after.id) \($0.after.title) (\($0.fields.joined(separator: ", ")))" }
    let summary = "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed"
    return (lines + [summary]).joined(separator: "\n")
  }
}
