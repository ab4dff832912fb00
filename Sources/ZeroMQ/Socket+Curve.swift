import CZeroMQ

extension Socket {
  /// Makes this socket a CURVE server with `keys` (set before `bind`); clients are checked
  /// by the ZAP handler of the same context for `domain`.
  public func makeCurveServer(_ keys: CurveKeyPair, domain: String) throws {
    try setOption(ZMQ_CURVE_SERVER, Int32(1))
    try setOption(ZMQ_CURVE_SECRETKEY, Array(keys.secretKey.utf8))
    try setOption(ZMQ_ZAP_DOMAIN, Array(domain.utf8))
  }

  /// Makes this socket a CURVE client of the server with `serverKey` (set before `connect`).
  public func makeCurveClient(_ keys: CurveKeyPair, serverKey: String) throws {
    try setOption(ZMQ_CURVE_SERVERKEY, Array(serverKey.utf8))
    try setOption(ZMQ_CURVE_PUBLICKEY, Array(keys.publicKey.utf8))
    try setOption(ZMQ_CURVE_SECRETKEY, Array(keys.secretKey.utf8))
  }
}
