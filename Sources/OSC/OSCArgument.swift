/// One argument of an OSC message, by its OSC type tag.
public enum OSCArgument: Equatable, Sendable {
  /// `i`: a 32-bit integer.
  case int32(Int32)
  /// `h`: a 64-bit integer.
  case int64(Int64)
  /// `f`: a 32-bit float (what TouchOSC's faders and buttons send).
  case float(Float)
  /// `d`: a 64-bit float.
  case double(Double)
  /// `s` or `S`: a text, UTF-8.
  case string(String)
  /// `T` or `F`.
  case bool(Bool)
  /// `N`.
  case `nil`
  /// `b`: bytes.
  case blob([UInt8])
  /// A type this layer does not read (a MIDI message `m`, a time tag `t`, a character `c`,
  /// infinitum `I`): its tag.
  case unsupported(Character)

  /// Its OSC type tag.
  public var typeTag: Character {
    switch self {
    case .int32: "i"
    case .int64: "h"
    case .float: "f"
    case .double: "d"
    case .string: "s"
    case .bool(let value): value ? "T" : "F"
    case .nil: "N"
    case .blob: "b"
    case .unsupported(let tag): tag
    }
  }

  /// Its value as a number, for the numeric types (and `T`/`F` as 1/0).
  public var number: Double? {
    switch self {
    case .int32(let value): Double(value)
    case .int64(let value): Double(value)
    case .float(let value): Double(value)
    case .double(let value): value
    case .bool(let value): value ? 1 : 0
    default: nil
    }
  }
}
