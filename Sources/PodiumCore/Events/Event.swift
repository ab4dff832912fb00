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
  /// A booth's team was set.
  case teamAssigned(room: Room.ID, booth: Booth.ID, interpreters: [Interpreter.ID])
  /// An interpreter's microphone went on.
  case turnStarted(room: Room.ID, booth: Booth.ID, interpreter: Interpreter.ID, at: Date)
  /// An interpreter's microphone went off.
  case turnEnded(room: Room.ID, booth: Booth.ID, interpreter: Interpreter.ID, at: Date)
  /// The interpreter on microphone asked a partner to take over.
  case handoverRequested(room: Room.ID, booth: Booth.ID, from: Interpreter.ID, to: Interpreter.ID, at: Date)
  /// Push-to-mute was pressed or released.
  case coughChanged(room: Room.ID, booth: Booth.ID, muted: Bool, at: Date)
  /// A booth asked the speaker to slow down, or withdrew the request.
  case slowDownChanged(room: Room.ID, booth: Booth.ID, active: Bool, at: Date)
  /// Every slow-down request of the room was cleared.
  case slowDownCleared(room: Room.ID)
  /// A message between a booth and the chief interpreter.
  case boothMessageSent(room: Room.ID, booth: Booth.ID, message: BoothMessage)
  /// The chief interpreter set the floor language (`nil`: follow the speaker).
  case floorLanguageSet(room: Room.ID, language: String?, at: Date)
  /// A booth's turn length was set.
  case turnLengthSet(room: Room.ID, booth: Booth.ID, seconds: TimeInterval)

  /// The room the event concerns, if it concerns one.
  public var roomId: Room.ID? {
    switch self {
    case .conferenceLoaded: nil
    case .programmeChanged(let room), .sessionStarted(let room, _, _, _), .sessionPaused(let room, _),
      .sessionResumed(let room, _), .sessionEnded(let room, _, _),
      .speakerAdvanced(let room, _, _), .timeAdded(let room, _), .thresholdsSet(let room, _),
      .messageShown(let room, _), .messageCleared(let room), .teamAssigned(let room, _, _),
      .turnStarted(let room, _, _, _), .turnEnded(let room, _, _, _), .handoverRequested(let room, _, _, _, _),
      .coughChanged(let room, _, _, _), .slowDownChanged(let room, _, _, _), .slowDownCleared(let room),
      .boothMessageSent(let room, _, _), .floorLanguageSet(let room, _, _), .turnLengthSet(let room, _, _):
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
    case .teamAssigned: "teamAssigned"
    case .turnStarted: "turnStarted"
    case .turnEnded: "turnEnded"
    case .handoverRequested: "handoverRequested"
    case .coughChanged: "coughChanged"
    case .slowDownChanged: "slowDownChanged"
    case .slowDownCleared: "slowDownCleared"
    case .boothMessageSent: "boothMessageSent"
    case .floorLanguageSet: "floorLanguageSet"
    case .turnLengthSet: "turnLengthSet"
    }
  }
}
