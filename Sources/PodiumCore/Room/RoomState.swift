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
  /// The speakers of the session on in their live order, once the operator changed them
  /// (added, removed, moved a speaker, or changed a speaking time); nil: as programmed.
  public var lineup: [Speaker]?
  /// The session's speaking seconds (its `elapsed`) when the speaker with the floor took it:
  /// where their speaking slot began. Kept while the session on gives speaking times.
  public var slotStart: TimeInterval?
  /// The session this room ended last, as it stood, while it may still be reopened.
  public var lastEnded: EndedSession?
  /// Whether the room rolls, as the operator last said (`setRoll`); nil: as the programme says.
  public var roll: RollMode?

  public init(
    roomId: Room.ID, currentSessionId: Session.ID? = nil, timer: SessionTimer? = nil,
    speakerIndex: Int = 0, speakerStartedAt: Date? = nil, thresholds: Thresholds = .standard,
    message: SpeakerMessage? = nil, records: [Session.ID: SessionRecord] = [:],
    interpretation: InterpretationState = InterpretationState(), full: Bool = false, lineup: [Speaker]? = nil,
    slotStart: TimeInterval? = nil, lastEnded: EndedSession? = nil, roll: RollMode? = nil
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
    self.lineup = lineup
    self.slotStart = slotStart
    self.lastEnded = lastEnded
    self.roll = roll
  }

  /// The field names on the wire (`state` of a room status): chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case roomId = "roomId", currentSessionId = "currentSessionId", timer = "timer", speakerIndex = "speakerIndex"
    case speakerStartedAt = "speakerStartedAt", thresholds = "thresholds", message = "message", records = "records"
    case interpretation = "interpretation", full = "full", lineup = "lineup", slotStart = "slotStart"
    case lastEnded = "lastEnded", roll = "roll"
  }

  /// Reads a room's state; one written before a member existed gets its default (`full`:
  /// false, no `lineup`, `slotStart`, `lastEnded` or `roll`).
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
      full: try container.decodeIfPresent(Bool.self, forKey: .full) ?? false,
      lineup: try container.decodeIfPresent([Speaker].self, forKey: .lineup),
      slotStart: try container.decodeIfPresent(TimeInterval.self, forKey: .slotStart),
      lastEnded: try container.decodeIfPresent(EndedSession.self, forKey: .lastEnded),
      roll: try container.decodeIfPresent(RollMode.self, forKey: .roll))
  }

  /// The speakers of `session` in their live order: the lineup the operator changed while
  /// it is on, else the programme's.
  public func speakers(of session: Session) -> [Speaker] {
    session.id == currentSessionId ? lineup ?? session.speakers : session.speakers
  }

  /// Whether the session with this id has ended.
  public func hasEnded(_ session: Session.ID) -> Bool { records[session]?.endedAt != nil }
}
