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
  /// The audience asked a question (pending, held back if the blocklist matched).
  case questionSubmitted(room: Room.ID, question: Question)
  /// A device voted for a question.
  case questionVoted(room: Room.ID, question: Question.ID, device: String, at: Date)
  /// A moderator edited a question's text.
  case questionEdited(room: Room.ID, question: Question.ID, text: String, by: String, at: Date)
  case questionApproved(room: Room.ID, question: Question.ID, by: String, at: Date)
  case questionDismissed(room: Room.ID, question: Question.ID, by: String, at: Date)
  case questionStarred(room: Room.ID, question: Question.ID, starred: Bool, by: String, at: Date)
  case questionTagged(room: Room.ID, question: Question.ID, tags: [String], by: String, at: Date)
  /// A duplicate was folded into another question…
  case questionMerged(room: Room.ID, question: Question.ID, into: Question.ID, by: String, at: Date)
  /// …which took the votes of devices that had not voted for it yet.
  case votesMerged(room: Room.ID, question: Question.ID, voters: [String], at: Date)
  case questionShown(room: Room.ID, question: Question.ID, by: String, at: Date)
  case questionHidden(room: Room.ID, by: String, at: Date)
  case nextQuestionSet(room: Room.ID, question: Question.ID?, by: String, at: Date)
  case questionAnswered(room: Room.ID, question: Question.ID, by: String, at: Date)
  case questionRestored(room: Room.ID, question: Question.ID, by: String, at: Date)
  /// A device may no longer ask or vote.
  case deviceBanned(room: Room.ID, device: String, by: String, at: Date)
  /// Intake was opened, paused or closed.
  case intakeChanged(room: Room.ID, intake: Intake, by: String, at: Date)

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
      .boothMessageSent(let room, _, _), .floorLanguageSet(let room, _, _), .turnLengthSet(let room, _, _),
      .questionSubmitted(let room, _), .questionVoted(let room, _, _, _), .questionEdited(let room, _, _, _, _),
      .questionApproved(let room, _, _, _), .questionDismissed(let room, _, _, _),
      .questionStarred(let room, _, _, _, _), .questionTagged(let room, _, _, _, _),
      .questionMerged(let room, _, _, _, _), .votesMerged(let room, _, _, _), .questionShown(let room, _, _, _),
      .questionHidden(let room, _, _), .nextQuestionSet(let room, _, _, _), .questionAnswered(let room, _, _, _),
      .questionRestored(let room, _, _, _), .deviceBanned(let room, _, _, _), .intakeChanged(let room, _, _, _):
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
    case .questionSubmitted: "questionSubmitted"
    case .questionVoted: "questionVoted"
    case .questionEdited: "questionEdited"
    case .questionApproved: "questionApproved"
    case .questionDismissed: "questionDismissed"
    case .questionStarred: "questionStarred"
    case .questionTagged: "questionTagged"
    case .questionMerged: "questionMerged"
    case .votesMerged: "votesMerged"
    case .questionShown: "questionShown"
    case .questionHidden: "questionHidden"
    case .nextQuestionSet: "nextQuestionSet"
    case .questionAnswered: "questionAnswered"
    case .questionRestored: "questionRestored"
    case .deviceBanned: "deviceBanned"
    case .intakeChanged: "intakeChanged"
    }
  }

  /// The question the event is about, if it is about one question's own value.
  public var questionId: Question.ID? {
    switch self {
    case .questionSubmitted(_, let question): question.id
    case .questionVoted(_, let id, _, _), .questionEdited(_, let id, _, _, _), .questionApproved(_, let id, _, _),
      .questionDismissed(_, let id, _, _), .questionStarred(_, let id, _, _, _), .questionTagged(_, let id, _, _, _),
      .questionMerged(_, let id, _, _, _), .votesMerged(_, let id, _, _), .questionAnswered(_, let id, _, _),
      .questionRestored(_, let id, _, _):
      id
    default: nil
    }
  }

  /// The moderator who caused it, for question events that have one.
  public var moderator: String? {
    switch self {
    case .questionEdited(_, _, _, let by, _), .questionApproved(_, _, let by, _), .questionDismissed(_, _, let by, _),
      .questionStarred(_, _, _, let by, _), .questionTagged(_, _, _, let by, _), .questionMerged(_, _, _, let by, _),
      .questionShown(_, _, let by, _), .questionHidden(_, let by, _), .nextQuestionSet(_, _, let by, _),
      .questionAnswered(_, _, let by, _), .questionRestored(_, _, let by, _), .deviceBanned(_, _, let by, _),
      .intakeChanged(_, _, let by, _):
      by
    default: nil
    }
  }
}
