import ArgumentParser
import Foundation
import PodiumCore
import PodiumReports

/// `podium report questions`: every audience question with its history.
struct QuestionReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "questions",
    abstract: "Every audience question with its history: submitted, edited, merged, approved, shown, answered, votes.")

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's data directory (default from settings).") var dataDir: String?
  @Option(help: "Only the questions asked during this session (id).") var session: String?
  @Flag(help: "CSV on standard output.") var csv = false

  func run() throws {
    let log = try Report.openLog(settings: settings, dataDir: dataDir)
    var events: [(at: Date, event: AnyEvent)] = []
    try log.forEachEvent { events.append(($0.at, $0.event)) }
    guard let report = QuestionReport(events: events, session: session) else {
      printError("no conference has been loaded")
      throw ExitCode(1)
    }
    if csv {
      print(report.csv, terminator: "")
      return
    }
    for entry in report.entries {
      let question = entry.question
      let who = question.name.map { " — \($0)" } ?? ""
      print("[\(question.state.rawValue)] \(question.votes) votes  \(question.room)/\(question.id)\(who)")
      print("  \(question.text)")
      for step in entry.history {
        let by = step.by.map { " by \($0)" } ?? ""
        let detail = step.detail.map { ": \($0)" } ?? ""
        print("    \(report.localISO(step.at))  \(step.what)\(by)\(detail)")
      }
    }
    if report.entries.isEmpty { print("(no questions)") }
  }
}
