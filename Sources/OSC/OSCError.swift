internal import CLiblo

/// Why bytes are not an OSC message this layer reads, or a message cannot be written.
public enum OSCError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No bytes, or more than `OSCMessage.maximumBytes`.
  case size(Int)
  /// An OSC bundle (`#bundle`): send its messages one by one.
  case bundle
  /// liblo refused the bytes; its error code (`LO_ESIZE`, `LO_EINVALIDPATH`…).
  case malformed(code: Int32)
  /// Argument `index` (from 0) is a text that is not UTF-8.
  case notUTF8(argument: Int)
  /// An address that does not start with `/`, or holds a NUL, space, `#` or a character OSC reserves.
  case invalidAddress(String)

  public var description: String {
    switch self {
    case .size(let count):
      "a packet of \(count) bytes (an OSC message is 8 to \(OSCMessage.maximumBytes) bytes)"
    case .bundle: "an OSC bundle: send the messages one by one"
    case .malformed(let code): "not an OSC message: \(Self.reason(code))"
    case .notUTF8(let index): "argument \(index + 1) is a text that is not UTF-8"
    case .invalidAddress(let address):
      "'\(address)' is not an OSC address (it starts with '/', without spaces or #*,?[]{})"
    }
  }

  /// liblo's error codes in words.
  private static func reason(_ code: Int32) -> String {
    switch code {
    case LO_ESIZE: "its size is not a multiple of 4, or a part runs past its end"
    case LO_EINVALIDPATH: "its address is not an OSC string"
    case LO_ENOTYPE: "it has no type tags"
    case LO_EINVALIDTYPE: "its type tags are not an OSC string starting with ','"
    case LO_EBADTYPE: "a type tag is unknown"
    case LO_EINVALIDARG: "an argument does not fit its type"
    case LO_ETERM: "a string is not terminated"
    case LO_EPAD: "a string's padding is not zeros"
    default: "liblo error \(code)"
    }
  }
}
