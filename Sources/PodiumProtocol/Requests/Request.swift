import PodiumCore

/// What a client asks the daemon on the command endpoint.
public enum Request: Equatable, Sendable {
  /// Protocol version, daemon identity, current sequence: the first thing a client asks.
  case hello
  /// The daemon's clock, for a client to measure its offset (NTP-style, over the round trip).
  case clock
  /// Every topic value whose topic starts with `prefix`, as of one sequence number.
  case snapshot(prefix: String)
  /// A command to change the state, with the client-chosen id that makes retries safe.
  case command(id: String, Command)
  /// Event log entries with a sequence number above `after`, at most `limit` of them.
  case events(after: Int64, limit: Int)
}

/// A parsed request with the client's id, echoed in the reply.
public struct RequestEnvelope: Equatable, Sendable {
  /// The client's id for the request (required for commands).
  public var id: String?
  public var request: Request
  /// Who sends it (`podium-display`, `podium`…), optional: the daemon's metrics show when each client was last seen.
  public var client: String?

  public init(id: String?, request: Request, client: String? = nil) {
    self.id = id
    self.request = request
    self.client = client
  }
}
