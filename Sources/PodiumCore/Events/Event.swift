import Foundation

/// Something that happened, as the event log records it.
///
/// Events are facts: they are never rejected, only applied (`ConferenceState.evolve`).
/// Each carries what it needs to be applied alone, instants included.
public enum Event: Codable, Equatable, Sendable {
  /// The conference definition came into force (at start, or after a schedule change).
  case conferenceLoaded(conference: Conference)
  /// A room's own definition or its sessions changed with a new programme.
  case programmeChanged(room: Room.ID)
  /// A session started in a room.
  case sessionStarted(room: Room.ID, session: Session.ID, at: Date, duration: TimeInterval)
  /// The room's countdown was paused.
  case sessionPaused(room: Room.ID, at: Date)
  /// The room's countdown was resumed.
  case sessionResumed(room: Room.ID, at: Date)
  /// The session on in a room ended.
  case sessionEnded(room: Room.ID, session: Session.ID, at: Date)
  /// The next speaker took the floor.
  case speakerAdvanced(room: Room.ID, speakerIndex: Int, at: Date)
  /// Time was added to (or removed from) the session on now.
  case timeAdded(room: Room.ID, seconds: TimeInterval)
  /// The room's warning and danger thresholds changed.
  case thresholdsSet(room: Room.ID, thresholds: Thresholds)
  /// A message was put on the speaker's monitor.
  case messageShown(room: Room.ID, message: SpeakerMessage)
  /// The speaker's message was taken off.
  case messageCleared(room: Room.ID)

  /// The room the event concerns, if it concerns one.
  public var roomId: Room.ID? {
    switch self {
    case .conferenceLoaded: nil
    case .programmeChanged(let room), .sessionStarted(let room, _, _, _), .sessionPaused(let room, _),
      .sessionResumed(let room, _), .sessionEnded(let room, _, _),
      .speakerAdvanced(let room, _, _), .timeAdded(let room, _), .thresholdsSet(let room, _),
      .messageShown(let room, _), .messageCleared(let room):
      room
    }
  }

  /// The event's type name, as stored and shown in `podium events`.
  public var name: String {
    switch self {
    case .conferenceLoaded: "conferenceLoaded"
    case .programmeChanged: "programmeChanged"
    case .sessionStarted: "sessionStarted"
    case .sessionPaused: "sessionPaused"
    case .sessionResumed: "sessionResumed"
    case .sessionEnded: "sessionEnded"
    case .speakerAdvanced: "speakerAdvanced"
    case .timeAdded: "timeAdded"
    case .thresholdsSet: "thresholdsSet"
    case .messageShown: "messageShown"
    case .messageCleared: "messageCleared"
    }
  }
}
