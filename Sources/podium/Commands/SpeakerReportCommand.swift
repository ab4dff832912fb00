import ArgumentParser
import Foundation
import PodiumReports

/// `podium report speakers`: per speaker planned against actual speaking time.
struct SpeakerReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "speakers",
    abstract: "Per speaker of each session: speaking time planned against spoken, from the event log.",
    discussion: "Spoken time counts while the speaker had the floor and the countdown ran (pauses excluded).")

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's data directory (default from settings).") var dataDir: String?
  @Flag(help: "CSV on standard output.") var csv = false

  func run() throws {
    let log = try Report.openLog(settings: settings, dataDir: dataDir)
    var recorder = SpeakerReport.Recorder()
    try log.forEachEvent { recorder.apply($0.event, at: $0.at) }
    let report = recorder.report(at: Date())
    print(csv ? report.csv : report.table, terminator: csv ? "" : "\n")
  }
}
