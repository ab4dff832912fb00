import Foundation
import PodiumCore

/// Decodes a command's `args` strictly, straight from JSON values: a wrong type, a missing
/// argument or a malformed instant is `invalid_argument` naming the argument. A JSON `null`
/// counts as absent. (Unknown arguments are refused before, by `CommandCoding`.)
struct ArgumentDecoder: Decoder {
  let value: JSONValue
  /// The argument being read (nil at the top), for error messages.
  let argument: String?
  /// `the args of 'addTime'`.
  let context: String

  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard argument == nil, let members = value.object else { throw mismatch("an object") }
    return KeyedDecodingContainer(Arguments<Key>(members: members, context: context))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard let items = value.array else { throw mismatch("an array") }
    return Items(items: items, decoder: self)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { Value(decoder: self) }

  func mismatch(_ expected: String) -> ProtocolError {
    ProtocolError(.invalidArgument, "'\(argument ?? "args")' in \(context) must be \(expected)", field: argument)
  }

  /// The arguments object.
  private struct Arguments<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let context: String
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { (members[key.stringValue] ?? .null) != .null }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      guard let value = members[key.stringValue], value != .null else {
        throw ProtocolError(.invalidArgument, "'\(key.stringValue)' is required in \(context)", field: key.stringValue)
      }
      let decoder = ArgumentDecoder(value: value, argument: key.stringValue, context: context)
      do {
        return try decoder.singleValueContainer().decode(type)
      } catch DecodingError.dataCorrupted(let corrupted) {
        throw ProtocolError(
          .invalidArgument, "'\(key.stringValue)' in \(context) \(corrupted.debugDescription)", field: key.stringValue)
      } catch let error as ProtocolError {
        throw Self.expectation(type).map(decoder.mismatch) ?? error
      }
    }

    /// What a value of `type` must be, in words, for the types arguments use.
    static func expectation(_ type: Any.Type) -> String? {
      switch type {
      case is String.Type, is String?.Type: "a string"
      case is Bool.Type, is Bool?.Type: "true or false"
      case is Double.Type, is Double?.Type: "a number"
      case is Int.Type, is Int?.Type: "a whole number"
      case is [String].Type: "an array of strings"
      case is Date.Type: "an ISO 8601 instant"
      default: nil
      }
    }

    func nestedContainer<NestedKey: CodingKey>(
      keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
      throw ArgumentDecoder(value: members[key.stringValue] ?? .null, argument: key.stringValue, context: context)
        .mismatch("a plain value")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try ArgumentDecoder(value: members[key.stringValue] ?? .null, argument: key.stringValue, context: context)
        .unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
      ArgumentDecoder(value: .object(members), argument: nil, context: context)
    }
    func superDecoder(forKey key: Key) throws -> any Decoder {
      ArgumentDecoder(value: members[key.stringValue] ?? .null, argument: key.stringValue, context: context)
    }
  }

  /// An array argument: its items read as single values of the argument.
  private struct Items: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: ArgumentDecoder
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
      guard !isAtEnd, items[currentIndex] == .null else { return false }
      currentIndex += 1
      return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
      guard !isAtEnd else { throw decoder.mismatch("longer") }
      let item = ArgumentDecoder(value: items[currentIndex], argument: decoder.argument, context: decoder.context)
      currentIndex += 1
      return try item.singleValueContainer().decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
      keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<
      NestedKey
    > { throw decoder.mismatch("an array of plain values") }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
      throw decoder.mismatch("an array of plain values")
    }
    mutating func superDecoder() throws -> any Decoder { decoder }
  }

  /// One plain value: a string, a number, a boolean, or an instant.
  private struct Value: SingleValueDecodingContainer {
    let decoder: ArgumentDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
      guard let flag = decoder.value.bool else { throw decoder.mismatch("true or false") }
      return flag
    }

    func decode(_ type: String.Type) throws -> String {
      guard let text = decoder.value.string else { throw decoder.mismatch("a string") }
      return text
    }

    func decode(_ type: Double.Type) throws -> Double {
      guard let number = decoder.value.number else { throw decoder.mismatch("a number") }
      return number
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode<T: BinaryInteger & Decodable>(whole type: T.Type) throws -> T {
      let number = try decode(Double.self)
      guard number == number.rounded(), let whole = T(exactly: number) else { throw decoder.mismatch("a whole number") }
      return whole
    }

    func decode(_ type: Int.Type) throws -> Int { try decode(whole: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(whole: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(whole: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(whole: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(whole: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(whole: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(whole: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(whole: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(whole: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(whole: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
      if type == Date.self {
        guard let text = decoder.value.string, let instant = PodiumJSON.parseInstant(text) else {
          throw decoder.mismatch("an ISO 8601 instant")
        }
        return instant as! T
      }
      return try T(from: decoder)
    }

  }
}
