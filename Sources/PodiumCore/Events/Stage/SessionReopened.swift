import Foundation

/// A session ended by mistake is on again, as it stood at its end: its countdown runs on as
/// if the End never happened (the speaker went on speaking), the same speaker has the floor.
/// The log keeps both facts: the `sessionEnded` and this.
public struct SessionReopened: RoomEvent {
  public static let type = "sessionReopened"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The session.
  public var session: Session.ID
  /// When it happened, by the daemon's clock.
  public var at: Date
  /// The session as it stood at the End undone.
  public var restored: EndedSession

  public init(room: Room.ID, session: Session.ID, at: Date, restored: EndedSession) {
    self.room = room
    self.session = session
    self.at = at
    self.restored = restored
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", session = "session", at = "at", restored = "restored"
  }

  public func apply(to state: inout ConferenceState) {
    state.changeFloor(in: room, at: at) {
      $0.currentSessionId = session
      $0.timer = restored.timer
      $0.speakerIndex = restored.speakerIndex
      $0.speakerStartedAt = restored.speakerStartedAt
      $0.slotStart = restored.slotStart
      $0.lineup = restored.lineup
      $0.lastEnded = nil
      $0.records[session, default: SessionRecord(startedAt: restored.timer.startedAt)].endedAt = nil
      // The End counted the booth time up to it; the next End counts the rest.
      $0.records[session]?.countedUntil = restored.endedAt
    }
  }
}
