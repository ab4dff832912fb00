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

  public init(room: Room.ID, session: Session.ID, at: Date) {
    self.room = room
    self.session = session
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", session = "session", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.recordBoothTime(in: room, until: at)
    state.updateRoom(room) {
      $0.records[session, default: SessionRecord(startedAt: at)].endedAt = at
      $0.currentSessionId = nil
      $0.timer = nil
      $0.speakerIndex = 0
      $0.speakerStartedAt = nil
    }
  }
}
