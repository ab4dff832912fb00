import Foundation

/// The live state of one room: the session on, its timer, the speaker, the message.
public struct RoomState: Codable, Equatable, Sendable {
  /// The room this state belongs to.
  public var roomId: Room.ID
  /// The session on now, if any.
  public var currentSessionId: Session.ID?
  /// The timer of the session on now.
  public var timer: SessionTimer?
  /// Index of the current speaker in the session's speakers.
  public var speakerIndex: Int
  /// When the current speaker took the floor.
  public var speakerStartedAt: Date?
  /// When the room's countdown turns to warning and danger.
  public var thresholds: Thresholds
  /// The message shown to the speaker, if any.
  public var message: SpeakerMessage?
  /// Actual start and end of every session started so far.
  public var records: [Session.ID: SessionRecord]
  /// The booths' live state and the floor language the chief interpreter set.
  public var interpretation: InterpretationState

  public init(
    roomId: Room.ID, currentSessionId: Session.ID? = nil, timer: SessionTimer? = nil,
    speakerIndex: Int = 0, speakerStartedAt: Date? = nil, thresholds: Thresholds = .standard,
    message: SpeakerMessage? = nil, records: [Session.ID: SessionRecord] = [:],
    interpretation: InterpretationState = InterpretationState()
  ) {
    self.roomId = roomId
    self.currentSessionId = currentSessionId
    self.timer = timer
    self.speakerIndex = speakerIndex
    self.speakerStartedAt = speakerStartedAt
    self.thresholds = thresholds
    self.message = message
    self.records = records
    self.interpretation = interpretation
  }

  /// Whether the session with this id has ended.
  public func hasEnded(_ session: Session.ID) -> Bool { records[session]?.endedAt != nil }
}
