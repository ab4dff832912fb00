import PodiumProtocol

/// Why a request through `PodiumClient` failed.
public enum PodiumClientError: Error, CustomStringConvertible, Sendable {
  /// The daemon refused the request; nothing changed.
  case refused(Reply.Failure)
  /// No reply after every retry: the daemon is not reachable at the endpoint.
  case unreachable(endpoint: String, attempts: Int)
  /// The daemon's reply could not be read.
  case unreadableReply(String)
  /// The client was stopped before the reply came.
  case stopped

  public var description: String {
    switch self {
    case .refused(let failure):
      return "\(failure.code.rawValue): \(failure.message)"
    case .unreachable(let endpoint, let attempts):
      return "podiumd is not reachable at \(endpoint) (no reply after \(attempts) attempts); is it running? "
        + "(set PODIUM_COMMAND_ENDPOINT or the settings file if it listens elsewhere)"
    case .unreadableReply(let detail):
      return "unreadable reply from podiumd: \(detail)"
    case .stopped:
      return "the client was stopped"
    }
  }
}
