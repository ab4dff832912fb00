import Foundation
import PodiumCore

/// The arguments of a command as the wire sees them: name, JSON type, required or not.
/// Read off the command's own decoding, so it cannot drift from what the daemon accepts;
/// the reference tables of docs/PROTOCOL.md are written from it.
public struct ArgumentSchema: Equatable, Sendable {
  /// One argument.
  public struct Argument: Equatable, Sendable {
    /// Its name in `args`.
    public var name: String
    /// Its JSON type, e.g. `string`, `number`, `boolean`, `array of strings`, `"open" | "paused" | "closed"`.
    public var type: String
    /// Whether a command without it is refused (optional ones may be absent or `null`).
    public var required: Bool

    public init(name: String, type: String, required: Bool) {
      self.name = name
      self.type = type
      self.required = required
    }
  }

  /// The arguments, in declaration order.
  public var arguments: [Argument]

  /// The schema of a command type.
  public static func of(_ type: any Command.Type) -> ArgumentSchema {
    let probe = Probe()
    probe.run(type)
    let order = type.argumentNames
    return ArgumentSchema(
      arguments: probe.seen.sorted { (order.firstIndex(of: $0.name) ?? 0) < (order.firstIndex(of: $1.name) ?? 0) })
  }

  /// A command of `type` with placeholder arguments (empty strings, zeros, the first case).
  public static func sample(_ type: any Command.Type) -> any Command {
    Probe().run(type)
  }
}

/// Decodes a command with placeholder values, noting what its decoding asks for.
private final class Probe {
  var seen: [ArgumentSchema.Argument] = []

  @discardableResult
  func run<C: Command>(_ type: C.Type) -> C {
    // Placeholders decode every Podium command; one that cannot be probed is a defect to see at once.
    try! C(from: ProbeDecoder(probe: self))
  }

  func note(_ key: any CodingKey, _ type: Any.Type, required: Bool) {
    guard !seen.contains(where: { $0.name == key.stringValue }) else { return }
    seen.append(ArgumentSchema.Argument(name: key.stringValue, type: Self.describe(type), required: required))
  }

  static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "string"
    case is Bool.Type: return "boolean"
    case is Double.Type, is Float.Type: return "number"
    case is Int.Type, is Int64.Type: return "whole number"
    case is [String].Type: return "array of strings"
    case is Date.Type: return "instant"
    default:
      if let enumeration = type as? any CaseIterable.Type { return caseNames(enumeration) }
      return String(describing: type)
    }
  }

  private static func caseNames<C: CaseIterable>(_ type: C.Type) -> String {
    type.allCases.map { "\"\(($0 as? any RawRepresentable)?.rawValue ?? $0)\"" }.joined(separator: " | ")
  }

  /// A value to decode as `type`: the first case of an enumeration, else decoded from placeholders.
  static func placeholder<T: Decodable>(_ type: T.Type, decoder: ProbeDecoder) throws -> T {
    if let cases = type as? any CaseIterable.Type, let first = firstCase(cases) as? T { return first }
    return try T(from: decoder)
  }

  private static func firstCase<C: CaseIterable>(_ type: C.Type) -> Any? { type.allCases.first }
}

private struct ProbeDecoder: Decoder {
  let probe: Probe
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(Keyed<Key>(probe: probe))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Empty() }
  func singleValueContainer() throws -> any SingleValueDecodingContainer { Placeholder(decoder: self) }

  private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let probe: Probe
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      probe.note(key, type, required: true)
      return try Probe.placeholder(type, decoder: ProbeDecoder(probe: Probe()))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
      probe.note(key, type, required: false)
      return nil
    }

    // The plain types have their own requirements; each says "optional" too.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { optional(type, key) }

    private func optional<T>(_ type: T.Type, _ key: Key) -> T? {
      probe.note(key, type, required: false)
      return nil
    }

    func nestedContainer<NestedKey: CodingKey>(
      keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> { KeyedDecodingContainer(Keyed<NestedKey>(probe: Probe())) }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { Empty() }
    func superDecoder() throws -> any Decoder { ProbeDecoder(probe: Probe()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { ProbeDecoder(probe: Probe()) }
  }

  /// An empty array.
  private struct Empty: UnkeyedDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 0 }
    var isAtEnd: Bool { true }
    var currentIndex: Int { 0 }
    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
      throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "empty"))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
      keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
      throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "empty"))
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { Empty() }
    mutating func superDecoder() throws -> any Decoder { ProbeDecoder(probe: Probe()) }
  }

  /// Empty strings, zeros, false.
  private struct Placeholder: SingleValueDecodingContainer {
    let decoder: ProbeDecoder
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { false }
    func decode(_ type: String.Type) throws -> String { "" }
    func decode(_ type: Double.Type) throws -> Double { 0 }
    func decode(_ type: Float.Type) throws -> Float { 0 }
    func decode(_ type: Int.Type) throws -> Int { 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { 0 }
    func decode(_ type: Int16.Type) throws -> Int16 { 0 }
    func decode(_ type: Int32.Type) throws -> Int32 { 0 }
    func decode(_ type: Int64.Type) throws -> Int64 { 0 }
    func decode(_ type: UInt.Type) throws -> UInt { 0 }
    func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
    func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
    func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
    func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
      if type == Date.self { return Date(timeIntervalSince1970: 0) as! T }
      return try Probe.placeholder(type, decoder: decoder)
    }
  }
}
