import Foundation
import PodiumCore

/// Encoding and decoding message bodies.
public enum WireCoding {
  /// The bytes of a message body.
  public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
    // Encoding Podium's own types cannot fail: they hold only strings, numbers and dates.
    (try? Array(PodiumJSON.encoder().encode(value))) ?? Array(#"{"type":"error","code":"malformed"}"#.utf8)
  }

  /// A message body decoded as `T`.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try PodiumJSON.decoder().decode(type, from: Data(bytes))
  }
}
