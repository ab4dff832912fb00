import ArgumentParser
import Foundation
import PodiumConfig
import PodiumCore
import PodiumProtocol
import PodiumReports
import PodiumStore
import XLSX

/// `podium report`: reports from the event log.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Reports from the event log: the programme (default), speakers' time, interpreters' workload, audience questions.",
    subcommands: [
      ProgrammeReportCommand.self, SpeakerReportCommand.self, WorkloadReportCommand.self, QuestionReportCommand.self,
    ],
    defaultSubcommand: ProgrammeReportCommand.self)

  /// The event log of the settings' (or `dataDir`'s) data directory, opened read-only.
  static func openLog(settings: String?, dataDir: String?) throws -> EventLog {
    var resolved = try PodiumSettings.load(file: settings)
    if let dataDir { resolved.dataDirectory = dataDir }
    let path = "\(resolved.dataDirectory)/podium.sqlite"
    guard FileManager.default.fileExists(atPath: path) else {
      printError("no event log at \(path) (give --data-dir, or PODIUM_DATA_DIR)")
      throw ExitCode(1)
    }
    return try EventLog(path: path, readOnly: true)
  }
}

/// `podium report [programme]`: planned against actual.
struct ProgrammeReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "programme",
    abstract: "Planned against actual per room and session, from the event log (also for a past instant).",
    discussion: """
      Reads the event log directly (read-only; the daemon may be running). --at replays the log up to an \
      instant and also prints what the screens showed then.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's data directory (default from settings).") var dataDir: String?
  @Option(help: "Report as of this instant: local time in the conference's zone (2026-06-25 10:32) or ISO 8601.")
  var at: String?
  @Flag(help: "CSV on standard output.") var csv = false
  @Option(help: "Write a self-contained HTML report to this file.") var html: String?
  @Option(help: "Write a workbook to this .xlsx file: a sheet per room and one per speaker.") var xlsx: String?
  @Option(help: "Language of the HTML report's and the workbook's labels: ar, fr or en.") var language = "en"

  func run() throws {
    let log = try Report.openLog(settings: settings, dataDir: dataDir)
    let instant = try at.map { try Self.instant($0, timeZone: log.replay().conference?.timeZone) } ?? Date()
    let until = at == nil ? nil : instant
    // One pass over the log: the speakers' recorder replays the state as it goes.
    let state: ConferenceState
    var speakers: SpeakerReport?
    if html != nil || xlsx != nil {
      var recorder = SpeakerReport.Recorder()
      try log.forEachEvent(until: until) { recorder.apply($0.event, at: $0.at) }
      speakers = recorder.report(at: instant)
      state = recorder.state
    } else {
      state = try log.replay(until: until)
    }
    guard let report = ProgrammeReport(state: state, at: instant) else {
      printError("no conference had been loaded by then")
      throw ExitCode(1)
    }
    if let html, let speakers {
      try report.html(language: language, speakers: speakers).write(toFile: html, atomically: true, encoding: .utf8)
      print("wrote \(html)")
    }
    if let xlsx, let speakers {
      do {
        try report.workbook(speakers: speakers, language: language).write(to: xlsx)
      } catch {
        printError("\(error)")
        throw ExitCode(1)
      }
      print("wrote \(xlsx)")
    }
    if csv {
      print(report.csv, terminator: "")
    } else if html == nil && xlsx == nil {
      if at != nil, let conference = state.conference {
        print("What the screens showed at \(report.localTime(instant, withDate: true)):")
        let rooms = conference.rooms.map {
          RoomStatus(room: $0, conference: conference, state: state, at: instant)
        }
        print(StatusTable(conference: conference, rooms: rooms).render())
        print("")
      }
      print(Self.table(report))
    }
  }

  static func table(_ report: ProgrammeReport) -> String {
    let widths = [42, 14, 14, 8, 9]
    func row(_ cells: [String]) -> String {
      zip(cells, widths + [0]).map { cell, width in
        width == 0 ? cell : cell.padding(toLength: width, withPad: " ", startingAt: 0)
      }.joined()
    }
    func time(_ date: Date) -> String { report.localTime(date, withDate: false) }
    func minutes(_ seconds: Double?) -> String {
      seconds.map { String(format: "%+d", Int(($0 / 60).rounded())) } ?? ""
    }
    var lines = [row(["ROOM / SESSION", "PLANNED", "ACTUAL", "DELAY", "OVERRUN", "STATUS"])]
    for room in report.rooms {
      lines.append(
        room.room.name + (room.offset >= 60 ? "  (running \(Int((room.offset / 60).rounded())) min late)" : ""))
      for outcome in room.sessions {
        let session = outcome.session
        let title = session.title.count > 40 ? String(session.title.prefix(39)) + "…" : session.title
        let actual = outcome.actualStart.map { time($0) + "–" + (outcome.actualEnd.map(time) ?? "") } ?? ""
        let cells = [
          "  " + title, time(session.plannedStart) + "–" + time(session.plannedEnd), actual,
          minutes(outcome.startDelay), minutes(outcome.overrun), outcome.status.rawValue,
        ]
        lines.append(row(cells))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// An ISO 8601 instant, or local `yyyy-MM-dd HH:mm[:ss]` in the conference's zone.
  static func instant(_ text: String, timeZone: String?) throws -> Date {
    if let date = PodiumJSON.parseInstant(text) { return date }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
    for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    throw ValidationError("'\(text)' is not an instant; write 2026-06-25 10:32 (conference time) or ISO 8601")
  }
}
