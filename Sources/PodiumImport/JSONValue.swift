import Foundation

/// A JSON value that keeps the order of object keys and the line each object starts on.
indirect enum JSONValue {
  case object([(key: String, value: JSONValue)], line: Int)
  case array([JSONValue])
  case string(String)
  /// The number as written.
  case number(String)
  case bool(Bool)
  case null

  subscript(key: String) -> JSONValue? {
    guard case .object(let entries, _) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }

  var entries: [(key: String, value: JSONValue)] {
    if case .object(let entries, _) = self { return entries }
    return []
  }

  var elements: [JSONValue] {
    if case .array(let elements) = self { return elements }
    return []
  }

  var line: Int? {
    if case .object(_, let line) = self { return line }
    return nil
  }

  /// Strings and numbers as text; `null`, booleans, objects and arrays as `nil`.
  var text: String? {
    switch self {
    case .string(let string): return string
    case .number(let number): return number
    default: return nil
    }
  }
}

/// A strict JSON parser (RFC 8259) whose errors name the line and column.
struct JSONReader {
  struct Failure: Error {
    var line: Int
    var column: Int
    var reason: String
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  static func parse(_ data: Data) throws -> JSONValue {
    var reader = JSONReader(bytes: Array(data))
    if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
    reader.skipWhitespace()
    let value = try reader.value(depth: 0)
    reader.skipWhitespace()
    if reader.index < reader.bytes.count { throw reader.failure("unexpected text after the JSON value") }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func failure(_ reason: String) -> Failure {
    let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
    return Failure(line: line, column: column, reason: reason)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        line += 1
        index += 1
        lineStart = index
      case 0x20, 0x09, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws {
    skipWhitespace()
    guard index < bytes.count else { throw failure("the document ends early; expected \(what)") }
    guard bytes[index] == byte else { throw failure("expected \(what)") }
    index += 1
  }

  private mutating func value(depth: Int) throws -> JSONValue {
    guard depth < 512 else { throw failure("nested too deeply") }
    skipWhitespace()
    guard index < bytes.count else { throw failure("the document ends early; expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      let startLine = line
      index += 1
      var entries: [(key: String, value: JSONValue)] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(entries, line: startLine)
      }
      while true {
        skipWhitespace()
        guard index < bytes.count else { throw failure("the document ends early; expected a key") }
        guard bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
        let key = try string()
        try expect(UInt8(ascii: ":"), "':'")
        entries.append((key, try value(depth: depth + 1)))
        skipWhitespace()
        guard index < bytes.count else { throw failure("the document ends early; expected ',' or '}'") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return .object(entries, line: startLine)
      }
    case UInt8(ascii: "["):
      index += 1
      var elements: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      while true {
        elements.append(try value(depth: depth + 1))
        skipWhitespace()
        guard index < bytes.count else { throw failure("the document ends early; expected ',' or ']'") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expect(UInt8(ascii: "]"), "',' or ']'")
        return .array(elements)
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = index
      while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      guard Double(text) != nil else { throw failure("bad number '\(text)'") }
      return .number(text)
    default:
      for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
      where bytes[index...].starts(with: word.utf8) {
        index += word.utf8.count
        return value
      }
      throw failure("unexpected character")
    }
  }

  private mutating func string() throws -> String {
    index += 1
    var result = [UInt8]()
    var pendingHigh: UInt32?
    while true {
      guard index < bytes.count else { throw failure("the document ends early inside a string") }
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let string = String(validating: result, as: UTF8.self) else { throw failure("invalid UTF-8") }
        return string
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw failure("the document ends early inside a string") }
        let escape = bytes[index]
        index += 1
        let simple: [UInt8: UInt8] = [
          UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
          UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[escape] {
          result.append(replacement)
          continue
        }
        guard escape == UInt8(ascii: "u"), index + 4 <= bytes.count,
          let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("bad escape in string") }
        index += 4
        var scalarValue = code
        if (0xD800...0xDBFF).contains(code) {
          pendingHigh = code
          continue
        }
        if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
          scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
        }
        pendingHigh = nil
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        result.append(contentsOf: Array(String(Character(scalar)).utf8))
      case 0x00..<0x20:
        throw failure("control character inside a string")
      default:
        result.append(byte)
      }
    }
  }
}
