import PodiumConfig

extension PodiumSettings {
  /// This program's CURVE keys from the settings' keys directory, or nil for plaintext.
  public func curveKeys() throws -> CurveClientKeys? {
    try clientCredentials().map {
      CurveClientKeys(
        publicKey: $0.publicKey, secretKey: $0.secretKey, serverKey: $0.serverKey, updateServerKey: $0.updateServerKey)
    }
  }
}
