import Foundation

/// A session started in a room: its countdown runs, the first speaker has the floor, questions reopen.
public struct SessionStarted: RoomEvent {
  public static let type = "sessionStarted"
  public static let topics: [TopicKind] = [.room, .questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// The session.
  public var session: Session.ID
  /// When it happened, by the daemon's clock.
  public var at: Date
  /// Its countdown, in seconds: its planned length.
  public var duration: TimeInterval

  public init(room: Room.ID, session: Session.ID, at: Date, duration: TimeInterval) {
    self.room = room
    self.session = session
    self.at = at
    self.duration = duration
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", session = "session", at = "at", duration = "duration"
  }

  public func apply(to state: inout ConferenceState) {
    let speakers = state.conference?.session(session)?.speakers ?? []
    state.changeFloor(in: room, at: at) {
      $0.currentSessionId = session
      $0.timer = SessionTimer(startedAt: at, duration: duration)
      $0.speakerIndex = 0
      $0.speakerStartedAt = at
      $0.records[session] = SessionRecord(startedAt: at)
      $0.interpretation.floorOverride = nil
      $0.lineup = nil
      $0.lastEnded = nil
      $0.startSlot(lineup: speakers, at: at)
    }
    state.updateBoard(room) { $0.intake = .open }
  }
}
