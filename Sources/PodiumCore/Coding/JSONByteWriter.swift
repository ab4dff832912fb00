import Foundation

/// The `Encoder` behind `JSONBytesEncoder`: writes each value where it goes in one buffer,
/// and puts an object's members in key order when the object closes.
///
/// Containers are frames on a stack. A value's own containers sit above the frames open
/// when it began; they close when its `encode(to:)` returns. A container used again after
/// a later one was opened is not something one pass can write: that throws
/// `NeedsFoundation`, and the caller encodes with Foundation instead.
final class JSONByteWriter: Encoder {
  /// This value needs Foundation's encoder.
  struct NeedsFoundation: Error {}

  /// One member of an object: its key and where its `"key":value` begins.
  struct Member {
    var key: String
    var start: Int
  }

  /// An open object or array.
  struct Frame {
    var id: Int
    var isObject: Bool
    /// Where the first member or element begins (after `{` or `[`).
    var start: Int
    var count = 0
    var members: [Member] = []
    var inKeyOrder = true
  }

  // One thread writes one value: the dynamic exclusivity checks would cost more than the writing.
  @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
  @exclusivity(unchecked) var fragments: JSONFragments
  @exclusivity(unchecked) private var frames: [Frame] = []
  @exclusivity(unchecked) private var nextFrameID = 0
  /// `frames.count` when the value being written began.
  @exclusivity(unchecked) private var valueBase = 0
  /// Set when a value asked for something one pass cannot write.
  private(set) var needsFoundation = false

  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(fragments: JSONFragments) {
    self.fragments = fragments
    bytes.reserveCapacity(8192)
  }

  // MARK: Values

  /// Writes `value` at the current place.
  func write<T: Encodable>(_ value: T) throws {
    if T.self == String.self { return writeString(unsafeBitCast(value, to: String.self)) }
    if T.self == Date.self { return writeString(PodiumJSON.formatInstant(unsafeBitCast(value, to: Date.self))) }
    if T.self == Double.self { return try writeDouble(unsafeBitCast(value, to: Double.self)) }
    if T.self == Int.self { return writeInteger(Int64(unsafeBitCast(value, to: Int.self))) }
    if T.self == Bool.self { return writeBool(unsafeBitCast(value, to: Bool.self)) }
    if T.self == URL.self { return writeString((value as! URL).absoluteString) }
    if T.self == Data.self || T.self == Decimal.self { throw NeedsFoundation() }
    if T.self == Session.self {
      let session = unsafeBitCast(value, to: Session.self)
      return try writeRemembered(session, id: session.id, in: \.sessions)
    }
    if T.self == Room.self {
      let room = unsafeBitCast(value, to: Room.self)
      return try writeRemembered(room, id: room.id, in: \.rooms)
    }
    try writeComposite(value)
  }

  /// Copies the bytes remembered for a value equal to `value`, or writes it and remembers them.
  private func writeRemembered<V: Encodable & Equatable>(
    _ value: V, id: String, in fragment: WritableKeyPath<JSONFragments, [String: (value: V, bytes: [UInt8])]>
  ) throws {
    if let known = fragments[keyPath: fragment][id], known.value == value { return bytes += known.bytes }
    let start = bytes.count
    try writeComposite(value)
    fragments[keyPath: fragment][id] = (value, Array(bytes[start...]))
  }

  /// Writes a value through its own `encode(to:)`, closing the containers it opened.
  private func writeComposite<T: Encodable>(_ value: T) throws {
    let outerBase = valueBase
    let start = bytes.count
    valueBase = frames.count
    defer { valueBase = outerBase }
    try value.encode(to: self)
    while frames.count > valueBase { close() }
    if bytes.count == start { bytes += [UInt8(ascii: "{"), UInt8(ascii: "}")] }  // as Foundation: an empty object
  }

  func writeString(_ text: String) { PodiumJSON.appendString(text, to: &bytes) }

  func writeInteger(_ value: Int64) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      writeUnsigned(value.magnitude)
    } else {
      writeUnsigned(UInt64(value))
    }
  }

  func writeUnsigned(_ value: UInt64) {
    var width = 1
    var rest = value / 10
    while rest > 0 { (width, rest) = (width + 1, rest / 10) }
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    rest = value
    for position in stride(from: bytes.count - 1, through: bytes.count - width, by: -1) {
      bytes[position] += UInt8(rest % 10)
      rest /= 10
    }
  }

  /// A number in its shortest round-trip form; a whole number without a fraction.
  func writeDouble(_ value: Double) throws {
    guard value.isFinite else { throw NeedsFoundation() }  // Foundation refuses it, with its own message
    if value.rounded(.towardZero) == value, value.magnitude < 1e15 {
      writeInteger(Int64(value))
    } else {
      bytes += value.description.utf8
    }
  }

  func writeBool(_ value: Bool) { bytes.append(contentsOf: value ? "true".utf8 : "false".utf8) }

  func writeNull() { bytes.append(contentsOf: "null".utf8) }

  // MARK: Frames

  /// Opens an object or an array for the value being written, or gives back the one it opened.
  private func open(object: Bool) throws -> Int {
    if frames.count > valueBase {
      guard frames[valueBase].isObject == object else { throw NeedsFoundation() }
      while frames.count > valueBase + 1 { close() }
      return frames[valueBase].id
    }
    return push(object: object)
  }

  private func push(object: Bool) -> Int {
    bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    nextFrameID += 1
    frames.append(Frame(id: nextFrameID, isObject: object, start: bytes.count))
    return nextFrameID
  }

  /// Makes the frame `id` the innermost again (closing nested containers written after it).
  private func resume(_ id: Int) throws {
    guard let index = frames.lastIndex(where: { $0.id == id }), index >= valueBase else {
      throw NeedsFoundation()
    }
    while frames.count > index + 1 { close() }
  }

  /// Starts a member of the object `id`: its separator and key; its value follows.
  func beginMember(of id: Int, key: String) throws {
    try resume(id)
    var frame = frames.removeLast()
    if frame.count > 0 { bytes.append(UInt8(ascii: ",")) }
    if let last = frame.members.last, key < last.key { frame.inKeyOrder = false }
    frame.members.append(Member(key: key, start: bytes.count))
    frame.count += 1
    frames.append(frame)
    writeString(key)
    bytes.append(UInt8(ascii: ":"))
  }

  /// Starts an element of the array `id`: its separator; its value follows.
  func beginElement(of id: Int) throws {
    try resume(id)
    if frames[frames.count - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
    frames[frames.count - 1].count += 1
  }

  func count(of id: Int) -> Int { frames.last { $0.id == id }?.count ?? 0 }

  /// Opens a container nested in a member or element `begin` starts; 0 (and Foundation) when it cannot.
  func openNested(object: Bool, after begin: () throws -> Void) -> Int {
    do {
      try begin()
      return push(object: object)
    } catch {
      needsFoundation = true
      return 0
    }
  }

  /// Closes the innermost frame, putting an object's members in key order.
  private func close() {
    let frame = frames.removeLast()
    if frame.isObject, !frame.inKeyOrder {
      let ends = frame.members.dropFirst().map { $0.start - 1 } + [bytes.count]  // each member's comma follows it
      let pieces = zip(frame.members, ends).map { ($0.key, bytes[$0.start..<$1]) }
        .sorted { $0.0 < $1.0 }
      var ordered: [UInt8] = []
      ordered.reserveCapacity(bytes.count - frame.start)
      for (index, piece) in pieces.enumerated() {
        if index > 0 { ordered.append(UInt8(ascii: ",")) }
        ordered += piece.1
      }
      bytes.replaceSubrange(frame.start..., with: ordered)
    }
    bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
  }

  // MARK: Encoder

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(JSONByteObject<Key>(writer: self, frame: opened(object: true)))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    JSONByteArray(writer: self, frame: opened(object: false))
  }

  /// The frame of a container asked for, or 0 (none: every use throws) when it cannot be had.
  private func opened(object: Bool) -> Int {
    guard let id = try? open(object: object) else {
      needsFoundation = true
      return 0
    }
    return id
  }

  /// The encoder given for a `superEncoder`: a scratch one, and this value goes to Foundation.
  func refusal() -> any Encoder {
    needsFoundation = true
    return JSONByteWriter(fragments: JSONFragments())
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONByteSingleValue(writer: self, usable: frames.count == valueBase)
  }
}
