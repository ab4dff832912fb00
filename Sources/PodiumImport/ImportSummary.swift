import Foundation
import PodiumCore

/// What an import would bring, in a few lines a person reads before the whole file: the rooms,
/// the sessions of each day (in the conference's time zone) and the warnings grouped by kind.
public struct ImportSummary: Equatable, Sendable, CustomStringConvertible {
  /// One conference day: its date (`YYYY-MM-DD`) and how many sessions start on it.
  public struct Day: Equatable, Sendable {
    public var date: String
    public var sessions: Int
  }

  /// One kind of warning (its reason with the quoted values elided), how often, and a first example.
  public struct WarningKind: Equatable, Sendable {
    public var kind: String
    public var count: Int
    public var example: ImportWarning
  }

  public var conferenceName: String
  public var timeZone: String
  public var rooms: [String]
  public var days: [Day]
  public var warnings: [WarningKind]

  /// The summary of `schedule`.
  public init(_ schedule: ImportedSchedule) {
    let conference = schedule.conference
    conferenceName = conference.name
    timeZone = conference.timeZone
    rooms = conference.rooms.map(\.name)
    let days = ConferenceDays(timeZone: conference.timeZone)
    var counts: [String: Int] = [:]
    for session in conference.sessions { counts[days.day(of: session.plannedStart), default: 0] += 1 }
    self.days = counts.keys.sorted().map { Day(date: $0, sessions: counts[$0]!) }
    var kinds: [WarningKind] = []
    for warning in schedule.warnings {
      let kind = warning.kind
      if let index = kinds.firstIndex(where: { $0.kind == kind }) {
        kinds[index].count += 1
      } else {
        kinds.append(WarningKind(kind: kind, count: 1, example: warning))
      }
    }
    warnings = kinds
  }

  /// The summary as lines for a terminal.
  public var description: String {
    var lines = ["\(conferenceName) (time zone \(timeZone))"]
    lines.append("\(rooms.count) room\(rooms.count == 1 ? "" : "s"): \(rooms.joined(separator: ", "))")
    let total = days.reduce(0) { $0 + $1.sessions }
    lines.append("\(total) session\(total == 1 ? "" : "s") on \(days.count) day\(days.count == 1 ? "" : "s"):")
    lines += days.map { "  \($0.date): \($0.sessions)" }
    if warnings.isEmpty {
      lines.append("no warnings")
    } else {
      let count = warnings.reduce(0) { $0 + $1.count }
      lines.append(
        "\(count) warning\(count == 1 ? "" : "s") of \(warnings.count) kind\(warnings.count == 1 ? "" : "s"):")
      lines += warnings.map { "  \($0.count) × \($0.kind) (first: \($0.example.place))" }
    }
    return lines.joined(separator: "\n")
  }
}

extension ImportWarning {
  /// The reason with its quoted values elided: warnings of one kind share it.
  public var kind: String {
    reason.replacingOccurrences(of: "'[^']*'", with: "…", options: .regularExpression)
  }
}
