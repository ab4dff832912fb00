import ArgumentParser
import Foundation
import PodiumCore
import PodiumReports

/// `podium report workload`: per interpreter, booth and day, from the event log.
struct WorkloadReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workload",
    abstract: "Interpreters' workload per booth and day: microphone time, turns, longest turn, booth time.",
    discussion: """
      Counts finished turns and ended sessions (a turn or session still running is not counted yet), split at \
      midnight in the conference's time zone. Lines over the conference's working-condition limits are marked. \
      Then, for the rest of today at each room's lateness now, who will pass the day's limit of booth time, and when.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's data directory (default from settings).") var dataDir: String?
  @Option(help: "Only this day (yyyy-MM-dd, conference time).") var day: String?
  @Flag(help: "CSV on standard output.") var csv = false

  func run() throws {
    let log = try Report.openLog(settings: settings, dataDir: dataDir)
    let state = try log.replay()
    guard let report = WorkloadReport(state: state, day: day) else {
      printError("no conference has been loaded")
      throw ExitCode(1)
    }
    if csv {
      print(report.csv, terminator: "")
      return
    }
    print(Self.table(report))
    // Before a limit is passed: the rest of today at each room's lateness now.
    guard let conference = state.conference else { return }
    let warnings = conference.rooms.flatMap {
      WorkloadForecast(room: $0, conference: conference, state: state, at: Date()).lines.compactMap(\.message)
    }
    if !warnings.isEmpty {
      print("\nForecast for the rest of today:")
      for warning in warnings { print("  \(warning)") }
    }
  }

  static func table(_ report: WorkloadReport) -> String {
    func minutes(_ seconds: Double) -> String { String(Int((seconds / 60).rounded())) }
    let widths = [12, 28, 16, 8, 6, 9, 9, 0]
    func row(_ cells: [String]) -> String {
      zip(cells, widths).map { cell, width in
        width == 0 ? cell : cell.padding(toLength: width, withPad: " ", startingAt: 0)
      }.joined()
    }
    var lines = [row(["DAY", "INTERPRETER", "ROOM/BOOTH", "MIC MIN", "TURNS", "LONGEST", "BOOTH H", "LIMITS"])]
    for line in report.lines {
      lines.append(
        row([
          line.day, line.interpreter.name, "\(line.room)/\(line.booth)", minutes(line.work.micSeconds),
          String(line.work.turns), minutes(line.work.longestTurn),
          String(format: "%.1f", line.work.boothSeconds / 3600), line.overLimits.map(\.rawValue).joined(separator: " "),
        ]))
    }
    if report.lines.isEmpty { lines.append("(no finished turns or sessions with booths yet)") }
    return lines.joined(separator: "\n")
  }
}
