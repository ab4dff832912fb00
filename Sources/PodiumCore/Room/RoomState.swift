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
  /// Whether the room is full: door screens and the lobby say so.
  public var full: Bool

  public init(
    roomId: Room.ID, currentSessionId: Session.ID? = nil, timer: SessionTimer? = nil,
    speakerIndex: Int = 0, speakerStartedAt: Date? = nil, thresholds: Thresholds = .standard,
    message: SpeakerMessage? = nil, records: [Session.ID: SessionRecord] = [:],
    interpretation: InterpretationState = InterpretationState(), full: Bool = false
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
    self.full = full
  }

  /// The field names on the wire (`state` of a room status): chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case roomId = "roomId", currentSessionId = "currentSessionId", timer = "timer", speakerIndex = "speakerIndex"
    case speakerStartedAt = "speakerStartedAt", thresholds = "thresholds", message = "message", records = "records"
    case interpretation = "interpretation", full = "full"
  }

  /// Reads a room's state; one written before a member existed gets its default (`full`: false).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      roomId: try container.decode(Room.ID.self, forKey: .roomId),
      currentSessionId: try container.decodeIfPresent(Session.ID.self, forKey: .currentSessionId),
      timer: try container.decodeIfPresent(SessionTimer.self, forKey: .timer),
      speakerIndex: try container.decode(Int.self, forKey: .speakerIndex),
      speakerStartedAt: try container.decodeIfPresent(Date.self, forKey: .speakerStartedAt),
      thresholds: try container.decode(Thresholds.self, forKey: .thresholds),
      message: try container.decodeIfPresent(SpeakerMessage.self, forKey: .message),
      records: try container.decode([Session.ID: SessionRecord].self, forKey: .records),
      interpretation: try container.decode(InterpretationState.self, forKey: .interpretation),
      full: try container.decodeIfPresent(Bool.self, forKey: .full) ?? false)
  }

  /// Whether the session with this id has ended.
  public func hasEnded(_ session: Session.ID) -> Bool { records[session]?.endedAt != nil }
}
