import Foundation

/// The session on in a room ended; its booth time goes to every booth's team.
public struct SessionEnded: RoomEvent {
  public static let type = "sessionEnded"
  public static let topics: [TopicKind] = [.room, .questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// The session.
  public var session: Session.ID
  /// When it happened, by the daemon's clock.
  public var at: Date
  /// Its countdown as it stood at the end; with it, the session may be reopened (`reopen`).
  /// Absent in logs of daemons before 0.3.0: those ends cannot be undone.
  public var countdown: SessionTimer?

  public init(room: Room.ID, session: Session.ID, at: Date, countdown: SessionTimer? = nil) {
    self.room = room
    self.session = session
    self.at = at
    self.countdown = countdown
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", session = "session", at = "at", countdown = "countdown"
  }

  public func apply(to state: inout ConferenceState) {
    state.recordBoothTime(in: room, until: at)
    state.updateRoom(room) {
      $0.lastEnded = nil
      if let countdown {
        $0.lastEnded = EndedSession(
          session: session, endedAt: at, timer: countdown, speakerIndex: $0.speakerIndex,
          speakerStartedAt: $0.speakerStartedAt, slotStart: $0.slotStart, lineup: $0.lineup)
      }
      $0.lineup = nil
      $0.slotStart = nil
      $0.records[session, default: SessionRecord(startedAt: at)].endedAt = at
      $0.currentSessionId = nil
      $0.timer = nil
      $0.speakerIndex = 0
      $0.speakerStartedAt = nil
    }
  }
}
