import Foundation

/// How a `PodiumClient` reaches the daemon and how patient it is.
public struct ClientOptions: Sendable {
  /// The daemon's command endpoint (ROUTER).
  public var commandEndpoint: String
  /// The daemon's update endpoint (PUB); nil for a client that only sends requests.
  public var updateEndpoint: String?
  /// Topic prefixes to follow (`[""]`: everything).
  public var prefixes: [String]
  /// Seconds to wait for one reply before sending the request again (same id).
  public var requestTimeout: TimeInterval
  /// Attempts before a request fails as unreachable.
  public var attempts: Int
  /// Seconds without any update or heartbeat before the daemon counts as gone.
  public var silenceTimeout: TimeInterval
  /// First and longest wait between resynchronisation attempts (doubling in between).
  public var backoff: ClosedRange<TimeInterval>
  /// CURVE keys for an encrypted, authenticated link; nil: plaintext (loopback development).
  public var curve: CurveClientKeys?
  /// The name the daemon knows this client by (its metrics show when it was last seen).
  public var clientName: String

  public init(
    commandEndpoint: String, updateEndpoint: String?, prefixes: [String] = [""], requestTimeout: TimeInterval = 1.5,
    attempts: Int = 4, silenceTimeout: TimeInterval = 3, backoff: ClosedRange<TimeInterval> = 0.5...8,
    clientName: String = String(ProcessInfo.processInfo.processName.prefix(64)), curve: CurveClientKeys? = nil
  ) {
    self.commandEndpoint = commandEndpoint
    self.updateEndpoint = updateEndpoint
    self.prefixes = prefixes
    self.requestTimeout = requestTimeout
    self.attempts = attempts
    self.silenceTimeout = silenceTimeout
    self.backoff = backoff
    self.clientName = clientName.isEmpty ? "client" : clientName
    self.curve = curve
  }
}

/// A client's CURVE keys (Z85 text): its own pair, the daemon's public key, and the key its
/// update endpoint presents (a relay's, or the daemon's).
public struct CurveClientKeys: Sendable, Equatable {
  public var publicKey: String
  public var secretKey: String
  public var serverKey: String
  public var updateServerKey: String

  public init(publicKey: String, secretKey: String, serverKey: String, updateServerKey: String? = nil) {
    self.publicKey = publicKey
    self.secretKey = secretKey
    self.serverKey = serverKey
    self.updateServerKey = updateServerKey ?? serverKey
  }
}
