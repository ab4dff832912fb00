import Foundation
import PodiumCore

/// Planned against actual for every room and session, from the state the event
/// log replays to. Pure: the instant is a parameter.
public struct ProgrammeReport: Sendable {
  /// One room's sessions in planned order.
  public struct RoomReport: Sendable {
    public var room: Room
    public var sessions: [SessionOutcome]
    /// How late the room ran at the report's instant (Ontime's offset rule), in seconds.
    public var offset: TimeInterval
  }

  public var conference: Conference
  /// The instant the report describes.
  public var asOf: Date
  public var rooms: [RoomReport]

  /// The report of `state` at `now`; nil if no conference was loaded by then.
  public init?(state: ConferenceState, at now: Date) {
    guard let conference = state.conference else { return nil }
    self.conference = conference
    asOf = now
    rooms = conference.rooms.map { room in
      let live = state.room(room.id)
      let sessions = conference.sessions(in: room.id)
      let lastStarted = sessions.filter { live.records[$0.id] != nil }.map(\.plannedStart).max()
      let outcomes = sessions.map { session -> SessionOutcome in
        let record = live.records[session.id]
        let status: SessionOutcome.Status =
          if record?.endedAt != nil {
            .ended
          } else if record != nil {
            .running
          } else if let lastStarted, session.plannedStart < lastStarted {
            .skipped
          } else {
            .planned
          }
        return SessionOutcome(
          session: session, status: status, actualStart: record?.startedAt, actualEnd: record?.endedAt)
      }
      return RoomReport(
        room: room, sessions: outcomes, offset: RoomTimeline(conference: conference, state: live, at: now).offset)
    }
  }

  /// The conference's time zone (UTC if unknown).
  public var timeZone: TimeZone { TimeZone(identifier: conference.timeZone) ?? TimeZone(identifier: "UTC")! }

  /// `09:05`, or `2026-06-25 09:05`, in the conference's time zone.
  public func localTime(_ date: Date, withDate: Bool) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    guard withDate else { return time }
    return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + time
  }
}
