import HTTPTypes

extension HTTPField.Name {
  /// The client addresses a proxy saw, nearest last.
  static let xForwardedFor = Self("X-Forwarded-For")!
  /// The scheme the client used to reach the proxy.
  static let xForwardedProto = Self("X-Forwarded-Proto")!
  /// `no`: a reverse proxy (nginx) passes a response on as it comes, unbuffered.
  static let xAccelBuffering = Self("X-Accel-Buffering")!
}
