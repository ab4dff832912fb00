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
  /// The name the daemon knows this client by (its metrics show when it was last seen).
  public var clientName: String

  public init(
    commandEndpoint: String, updateEndpoint: String?, prefixes: [String] = [""], requestTimeout: TimeInterval = 1.5,
    attempts: Int = 4, silenceTimeout: TimeInterval = 3, backoff: ClosedRange<TimeInterval> = 0.5...8,
    clientName: String = String(ProcessInfo.processInfo.processName.prefix(64))
  ) {
    self.commandEndpoint = commandEndpoint
    self.updateEndpoint = updateEndpoint
    self.prefixes = prefixes
    self.requestTimeout = requestTimeout
    self.attempts = attempts
    self.silenceTimeout = silenceTimeout
    self.backoff = backoff
    self.clientName = clientName.isEmpty ? "client" : clientName
  }
}
