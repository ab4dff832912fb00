internal import CLiblo

extension OSCMessage {
  /// Reads one OSC message from a packet through liblo, which checks every size, string and
  /// padding; throws what is wrong with it. Bundles are refused (`OSCError.bundle`).
  public init(decoding bytes: [UInt8]) throws(OSCError) {
    guard (1...Self.maximumBytes).contains(bytes.count) else { throw .size(bytes.count) }
    guard !bytes.starts(with: Array("#bundle".utf8)) else { throw .bundle }
    var packet = bytes
    let decoded: Result<OSCMessage, OSCError> = packet.withUnsafeMutableBytes { raw in
      var code: Int32 = 0
      guard let message = lo_message_deserialise(raw.baseAddress, raw.count, &code) else {
        return .failure(.malformed(code: code))
      }
      defer { lo_message_free(message) }
      // Deserialising checked the address: a NUL-terminated string at the start of the packet.
      guard let path = lo_get_path(raw.baseAddress, raw.count), let address = String(validatingCString: path) else {
        return .failure(.malformed(code: LO_EINVALIDPATH))
      }
      return Self.arguments(of: message).map { OSCMessage(address, $0) }
    }
    self = try decoded.get()
  }

  /// The message as an OSC packet, written by liblo.
  public func encoded() throws(OSCError) -> [UInt8] {
    guard Self.isValidAddress(address) else { throw .invalidAddress(address) }
    guard let message = lo_message_new() else { throw .malformed(code: LO_EALLOC) }
    defer { lo_message_free(message) }
    for argument in arguments {
      switch argument {
      case .int32(let value): _ = lo_message_add_int32(message, value)
      case .int64(let value): _ = lo_message_add_int64(message, value)
      case .float(let value): _ = lo_message_add_float(message, value)
      case .double(let value): _ = lo_message_add_double(message, value)
      case .string(let value): _ = lo_message_add_string(message, value)
      case .bool(let value): _ = value ? lo_message_add_true(message) : lo_message_add_false(message)
      case .nil: _ = lo_message_add_nil(message)
      case .blob(let bytes):
        guard let blob = lo_blob_new(Int32(bytes.count), bytes) else { throw .malformed(code: LO_EALLOC) }
        defer { lo_blob_free(blob) }
        _ = lo_message_add_blob(message, blob)
      case .unsupported: throw .malformed(code: LO_EBADTYPE)
      }
    }
    let length = lo_message_length(message, address)
    guard length <= Self.maximumBytes else { throw .size(length) }
    var bytes = [UInt8](repeating: 0, count: length)
    var written = length
    bytes.withUnsafeMutableBytes { raw in _ = lo_message_serialise(message, address, raw.baseAddress, &written) }
    return Array(bytes.prefix(written))
  }

  /// The arguments liblo read, as Swift values.
  private static func arguments(of message: lo_message) -> Result<[OSCArgument], OSCError> {
    let count = Int(lo_message_get_argc(message))
    guard count > 0 else { return .success([]) }
    guard let tags = lo_message_get_types(message), let values = lo_message_get_argv(message) else {
      return .failure(.malformed(code: LO_ENOTYPE))
    }
    var arguments: [OSCArgument] = []
    for index in 0..<count {
      let tag = UInt8(bitPattern: tags[index])
      // The types without data (T, F, N, I) have no value to point at.
      switch tag {
      case UInt8(ascii: "T"): arguments.append(.bool(true))
      case UInt8(ascii: "F"): arguments.append(.bool(false))
      case UInt8(ascii: "N"): arguments.append(.nil)
      case UInt8(ascii: "I"): arguments.append(.unsupported("I"))
      default:
        guard let value = values[index] else { return .failure(.malformed(code: LO_EINVALIDARG)) }
        guard let argument = argument(tag, value) else { return .failure(.notUTF8(argument: index)) }
        arguments.append(argument)
      }
    }
    return .success(arguments)
  }

  /// One argument with data: its value, `unsupported` for a type this layer does not read, or
  /// nil for a text that is not UTF-8.
  private static func argument(_ tag: UInt8, _ value: UnsafeMutablePointer<lo_arg>) -> OSCArgument? {
    switch tag {
    case UInt8(ascii: "i"): return .int32(value.pointee.i)
    case UInt8(ascii: "h"): return .int64(value.pointee.h)
    case UInt8(ascii: "f"): return .float(value.pointee.f)
    case UInt8(ascii: "d"): return .double(value.pointee.d)
    case UInt8(ascii: "s"), UInt8(ascii: "S"):
      let characters = UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)
      return String(validatingCString: characters).map(OSCArgument.string)
    case UInt8(ascii: "b"):
      let blob = UnsafeMutableRawPointer(value)
      let size = Int(lo_blob_datasize(blob))
      let start = lo_blob_dataptr(blob).map { UnsafeRawBufferPointer(start: $0, count: size) }
      return .blob(start.map { Array($0) } ?? [])
    default: return .unsupported(Character(Unicode.Scalar(tag)))
    }
  }

  /// Whether `address` is one OSC can carry as a message's address: `/` first, then printable
  /// characters other than space and those OSC reserves for patterns.
  static func isValidAddress(_ address: String) -> Bool {
    guard address.hasPrefix("/") else { return false }
    let reserved = Set(" #*,?[]{}".unicodeScalars)
    return address.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value != 0x7F && !reserved.contains($0) }
  }
}
