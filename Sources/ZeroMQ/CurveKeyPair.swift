import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as libzmq's security options take them.
public struct CurveKeyPair: Equatable, Sendable {
  public var publicKey: String
  public var secretKey: String

  public init(publicKey: String, secretKey: String) {
    self.publicKey = publicKey
    self.secretKey = secretKey
  }

  /// A new random key pair (`zmq_curve_keypair`); needs libzmq built with CURVE (`Context.has("curve")`).
  public static func generate() throws -> CurveKeyPair {
    var publicKey = [CChar](repeating: 0, count: 41)
    var secretKey = [CChar](repeating: 0, count: 41)
    guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { throw ZeroMQError.last("zmq_curve_keypair") }
    return CurveKeyPair(publicKey: Self.text(publicKey), secretKey: Self.text(secretKey))
  }

  /// The Z85 text of a 32-byte binary key (as a ZAP request carries it).
  public static func z85(_ key: [UInt8]) -> String? {
    guard key.count == 32 else { return nil }
    var text = [CChar](repeating: 0, count: 41)
    guard zmq_z85_encode(&text, key, key.count) != nil else { return nil }
    return Self.text(text)
  }

  /// Whether `text` is a Z85 key (40 characters of the Z85 alphabet).
  public static func isKey(_ text: String) -> Bool {
    var binary = [UInt8](repeating: 0, count: 32)
    return text.utf8.count == 40 && zmq_z85_decode(&binary, text) != nil
  }

  private static func text(_ characters: [CChar]) -> String {
    String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
