/// Any event, as one value: what rules return, the log stores and replay applies.
public struct AnyEvent: Equatable, Sendable, CustomStringConvertible {
  /// The event.
  public let event: any Event

  public init(_ event: any Event) {
    self.event = event
  }

  /// Its type name, as stored.
  public var type: String { Swift.type(of: event).type }
  /// The version of its payload's shape.
  public var version: Int { Swift.type(of: event).version }
  /// The topics it changes, in order.
  public var topics: [TopicKind] { Swift.type(of: event).topics }
  /// The room it happened in; nil for the whole conference.
  public var roomId: Room.ID? { event.roomId }
  /// The question it is about, if it is about one.
  public var questionId: Question.ID? { event.questionId }
  /// The moderator who caused it, for a moderator's action.
  public var moderator: String? { (event as? any ModeratedEvent)?.by }

  /// The event as `E`, if it is one.
  public func `as`<E: Event>(_ type: E.Type) -> E? { event as? E }

  public static func == (left: AnyEvent, right: AnyEvent) -> Bool { left.event.isEqual(to: right.event) }

  public var description: String { "\(type) \(event)" }
}
