/// The JSON bytes of values that change only with the programme, by identifier, with the
/// value they were written from: a value is reused only when it equals the one remembered.
public struct JSONFragments: Sendable {
  var sessions: [Session.ID: (value: Session, bytes: [UInt8])] = [:]
  var rooms: [Room.ID: (value: Room, bytes: [UInt8])] = [:]

  public init() {}

  /// Whether nothing is remembered.
  public var isEmpty: Bool { sessions.isEmpty && rooms.isEmpty }

  /// Forgets every fragment (a new programme: the old ones would only be compared and dropped).
  public mutating func removeAll() {
    sessions.removeAll(keepingCapacity: true)
    rooms.removeAll(keepingCapacity: true)
  }
}
