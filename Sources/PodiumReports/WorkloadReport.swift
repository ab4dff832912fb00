import Foundation
import PodiumCore

/// Every interpreter's work per booth and day, from the state the event log replays to:
/// finished turns and ended sessions, checked against the conference's working conditions.
public struct WorkloadReport: Sendable {
  /// One interpreter in one booth on one day.
  public struct Line: Sendable, Equatable {
    public var interpreter: Interpreter
    public var room: Room.ID
    public var booth: Booth.ID
    public var day: String
    public var work: WorkloadDay
    /// The interpreter's booth time that day over all booths, in seconds.
    public var dayTotal: TimeInterval
    /// The working-condition limits this line crosses.
    public var overLimits: [BoothAlert.Rule]
  }

  public var conference: Conference
  public var lines: [Line]

  /// The report of `state`, for one day (`yyyy-MM-dd`) or all; nil without a conference.
  public init?(state: ConferenceState, day: String? = nil) {
    guard let conference = state.conference else { return nil }
    self.conference = conference
    let rules = conference.workingConditions
    let entries = state.workload.filter { day == nil || $0.key.day == day }
    var totals: [String: TimeInterval] = [:]
    for (key, work) in entries { totals["\(key.interpreter)|\(key.day)", default: 0] += work.boothSeconds }
    lines = entries.sorted { $0.key < $1.key }.map { key, work in
      let total = totals["\(key.interpreter)|\(key.day)"] ?? 0
      var over: [BoothAlert.Rule] = []
      if work.longestTurn > rules.maximumTurn { over.append(.turnTooLong) }
      if total > rules.maximumDay { over.append(.dayTooLong) }
      return Line(
        interpreter: conference.interpreter(key.interpreter) ?? Interpreter(id: key.interpreter, name: key.interpreter),
        room: key.room, booth: key.booth, day: key.day, work: work, dayTotal: total, overLimits: over)
    }
  }

  /// One line per interpreter, booth and day; durations in whole seconds. RFC 4180 quoting.
  public var csv: String {
    let header = [
      "day", "interpreter", "name", "room", "booth", "mic_s", "turns", "longest_turn_s", "booth_s", "day_booth_s",
      "over_limits",
    ]
    let rows = lines.map { line in
      [
        line.day, line.interpreter.id, line.interpreter.name, line.room, line.booth,
        String(Int(line.work.micSeconds.rounded())), String(line.work.turns),
        String(Int(line.work.longestTurn.rounded())), String(Int(line.work.boothSeconds.rounded())),
        String(Int(line.dayTotal.rounded())), line.overLimits.map(\.rawValue).joined(separator: " "),
      ].map(CSVField.quoted).joined(separator: ",")
    }
    return ([header.joined(separator: ",")] + rows).joined(separator: "\r\n") + "\r\n"
  }
}
