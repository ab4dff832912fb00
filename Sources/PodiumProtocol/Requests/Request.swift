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
  case command(id: String, RoomCommand)
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

extension Request {
  /// The request's `type` on the wire.
  public var type: String {
    switch self {
    case .hello: "hello"
    case .clock: "clock"
    case .snapshot: "snapshot"
    case .command: "command"
    case .events: "events"
    }
  }
}

extension RequestEnvelope {
  /// A command request: its id is the command's.
  public static func command(_ command: RoomCommand, id: String, client: String? = nil) -> RequestEnvelope {
    RequestEnvelope(id: id, request: .command(id: id, command), client: client)
  }

  /// The request as the body a client sends, with `protocol` (docs/PROTOCOL.md §5).
  public var body: JSONValue {
    var members: [String: JSONValue] = [
      "type": .string(request.type), "protocol": .number(Double(ProtocolVersion.current)),
    ]
    if let id { members["id"] = .string(id) }
    if let client { members["client"] = .string(client) }
    switch request {
    case .hello, .clock:
      break
    case .snapshot(let prefix):
      members["prefix"] = .string(prefix)
    case .command(_, let command):
      let (name, room, args) = CommandCoding.encode(command)
      members["command"] = .string(name)
      members["room"] = .string(room)
      if !args.isEmpty { members["args"] = .object(args) }
    case .events(let after, let limit):
      members["after"] = .number(Double(after))
      members["limit"] = .number(Double(limit))
    }
    return .object(members)
  }

  /// The body's bytes.
  public var bytes: [UInt8] { WireCoding.encode(body) }
}
