import Foundation

/// Encodes `Encodable` values to JSON bytes by Podium's conventions (`PodiumJSON`:
/// sorted keys, instants as `2026-06-25T09:00:00.000Z`, slashes unescaped), written
/// straight into one buffer instead of through Foundation's tree of values.
///
/// The daemon encodes every changed room's value once per batch; this encoder is what
/// keeps that cheap. Values it cannot write in one pass (a container written to after a
/// later one was opened, a `superEncoder`) are encoded by Foundation's `JSONEncoder`
/// instead, so the output is always what `PodiumJSON.encoder()` would write, up to the
/// order of keys within an object (byte order of their UTF-8 here) and how numbers are
/// spelled (shortest round-trip form).
///
/// `fragments` remembers the bytes of values that change only with the programme
/// (sessions, rooms): an equal value met again is copied, not encoded.
public struct JSONBytesEncoder {
  /// The bytes of programme values already encoded.
  public var fragments = JSONFragments()

  public init() {}

  /// The JSON of `value`.
  public mutating func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let writer = JSONByteWriter(fragments: fragments)
    fragments = JSONFragments()  // the writer holds the only copy: adding a fragment copies no dictionary
    defer { fragments = writer.fragments }
    do {
      try writer.write(value)
      if writer.needsFoundation { throw JSONByteWriter.NeedsFoundation() }
      return writer.bytes
    } catch is JSONByteWriter.NeedsFoundation {
      return Array(try PodiumJSON.encoder().encode(value))
    }
  }
}
