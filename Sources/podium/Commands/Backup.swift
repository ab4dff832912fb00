import ArgumentParser
import Foundation
import PodiumStore

/// `podium backup FILE`: a consistent copy of the event log while the daemon runs.
struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Copy the event log consistently while podiumd runs (SQLite VACUUM INTO).",
    discussion: "The copy holds every event committed when it began. Restore it with `podium restore`.")

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's data directory (default from settings).") var dataDir: String?
  @Argument(help: "The file to write; it must not exist.") var file: String

  func run() throws {
    guard !FileManager.default.fileExists(atPath: file) else {
      printError("\(file) exists; give a new file name")
      throw ExitCode(1)
    }
    let log = try Report.openLog(settings: settings, dataDir: dataDir)
    do {
      try log.backup(to: file)
      let copy = try EventLog(path: file, readOnly: true)
      print("backed up \(log.path) up to seq \(try copy.lastSequence()) into \(file)")
    } catch {
      printError("\(error)")
      throw ExitCode(1)
    }
  }
}
