import Foundation

/// Any JSON value: requests read strictly, values passed through, event payloads upcast.
public enum JSONValue: Codable, Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The members of an object, or nil.
  public var object: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The items of an array, or nil.
  public var array: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The text of a string, or nil.
  public var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The value of a number, or nil.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The value of a boolean, or nil.
  public var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }
}
