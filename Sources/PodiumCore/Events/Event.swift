/// Something that happened, declared once: the type is its payload, and it says its stored
/// name, the version of its payload's shape, the topics it changes and how it changes the state.
///
/// Events are facts: never refused, only applied. Each carries what it needs to be applied
/// alone, instants included.
///
/// The event log stores `type`, `version` and the payload, whose field names are the
/// `CodingKeys`, chosen, not synthesised (docs/ARCHITECTURE.md, "The event log"). Changing
/// a payload's shape means a new `version` and an `upcast` from the one before, so that
/// logs already written still replay; the golden logs in `Tests/Fixtures/EventLogs` fail
/// otherwise.
public protocol Event: Codable, Equatable, Sendable {
  associatedtype CodingKeys: CodingKey & CaseIterable

  /// The event's type name, as stored, published (`update.event`) and shown.
  static var type: String { get }
  /// The version of the payload's shape (1 unless it ever changed).
  static var version: Int { get }
  /// The topics it changes, in order: it is filed under the first.
  static var topics: [TopicKind] { get }

  /// The payload of `version` raised to the next version. Only events whose shape changed
  /// implement it, one step per version.
  static func upcast(_ payload: [String: JSONValue], from version: Int) throws -> [String: JSONValue]

  /// The room it happened in; nil for the whole conference.
  var roomId: Room.ID? { get }
  /// The question it is about, for the topic of that question.
  var questionId: Question.ID? { get }

  /// Applies the event to `state`. Never fails.
  func apply(to state: inout ConferenceState)
}

extension Event {
  public static var version: Int { 1 }

  public static func upcast(_ payload: [String: JSONValue], from version: Int) throws -> [String: JSONValue] {
    throw EventShapeError(type: type, version: version, reason: "no upcaster from version \(version)")
  }

  public var questionId: Question.ID? { nil }

  /// The names of its payload's fields, in declaration order.
  public static var fieldNames: [String] { CodingKeys.allCases.map(\.stringValue) }

  /// Whether `other` is the same event with the same payload.
  func isEqual(to other: any Event) -> Bool {
    (other as? Self) == self
  }
}

/// An event in one room.
public protocol RoomEvent: Event {
  /// The room it happened in.
  var room: Room.ID { get }
}

extension RoomEvent {
  public var roomId: Room.ID? { room }
}

/// An event about one audience question, named by its id.
public protocol QuestionEvent: RoomEvent {
  /// The question it is about.
  var question: Question.ID { get }
}

extension QuestionEvent {
  public var questionId: Question.ID? { question }
}

/// A moderator's action on the questions: `by` names the moderator, for the event log.
public protocol ModeratedEvent: RoomEvent {
  /// The moderator.
  var by: String { get }
}
