import Foundation
import PodiumCore
import PodiumProtocol

/// A plugin's connection to `podiumd`: a consistent, live view of the state it
/// follows, requests with retries, and the daemon's clock.
///
/// The client owns one thread for its sockets. It subscribes, then takes a
/// snapshot; it applies updates that continue each stream and resynchronises
/// by itself after a gap, a daemon restart or a network cut (with backoff).
/// Commands are retried with the same id, so the daemon applies them once.
public final class PodiumClient: Sendable {
  public let options: ClientOptions
  private let connection: ClientConnection

  /// A client for `options`; call `start()` to connect.
  public init(options: ClientOptions) {
    self.options = options
    connection = ClientConnection(options: options)
  }

  /// Starts the socket thread. Views flow from then on.
  public func start() { connection.start() }

  /// Stops the thread; waiting requests fail with `.stopped`.
  public func stop() { connection.stop() }

  /// Each consistent view of the state from now on, newest first when a reader lags.
  /// Starts with the current view.
  public func views() -> AsyncStream<PodiumView> { connection.views() }

  /// The latest consistent view.
  public var view: PodiumView { connection.latestView }

  /// Daemon clock minus local clock, in seconds.
  public var clockOffset: TimeInterval { connection.clockOffset }

  /// The daemon's clock now, as estimated from round trips.
  public var daemonNow: Date { Date().addingTimeInterval(clockOffset) }

  /// Sends a command and waits for its acknowledgement.
  ///
  /// - Parameter id: the command's id; keep it when retrying by hand.
  /// - Throws: `PodiumClientError.refused` with the daemon's reason, or `.unreachable`.
  @discardableResult
  public func send(
    _ command: RoomCommand, id: String = UUID().uuidString.lowercased()
  ) async throws
    -> Reply.Acknowledgement
  {
    let reply = try await request(.command(command, id: id))
    return try Self.decodeAcknowledgement(reply)
  }

  /// Sends `command` to `room` and waits for its acknowledgement.
  @discardableResult
  public func send(_ command: some Command, to room: Room.ID) async throws -> Reply.Acknowledgement {
    try await send(RoomCommand(command, in: room))
  }

  /// Sends a typed request and returns the raw reply; an `error` reply throws `.refused`.
  public func request(_ envelope: RequestEnvelope) async throws -> [UInt8] {
    try await request(envelope.body)
  }

  /// Sends a query (`hello`, `clock`, `snapshot`, `events`) and decodes its reply as `T`.
  public func request<T: Decodable>(_ query: Request, as type: T.Type) async throws -> T {
    try await request(
      RequestEnvelope(id: UUID().uuidString.lowercased(), request: query, client: options.clientName).body, as: type)
  }

  /// Sends any request object (its `id` is set by the client) and returns the raw reply.
  /// An `error` reply throws `.refused`.
  public func request(_ body: JSONValue) async throws -> [UInt8] {
    guard case .object(var members) = body else {
      throw PodiumClientError.unreadableReply("a request must be a JSON object")
    }
    let id = members["id"]?.string ?? UUID().uuidString.lowercased()
    members["id"] = .string(id)
    let bytes = WireCoding.encode(JSONValue.object(members))
    let reply = try await withCheckedThrowingContinuation { continuation in
      connection.enqueue(ClientConnection.Outgoing(id: id, body: bytes, continuation: continuation))
    }
    if let failure = try? WireCoding.decode(Reply.Failure.self, from: reply), failure.type == "error" {
      throw PodiumClientError.refused(failure)
    }
    return reply
  }

  /// Sends a request and decodes its reply as `T`.
  public func request<T: Decodable>(_ body: JSONValue, as type: T.Type) async throws -> T {
    let reply = try await request(body)
    do {
      return try WireCoding.decode(type, from: reply)
    } catch {
      throw PodiumClientError.unreadableReply("\(error)")
    }
  }

  static func decodeAcknowledgement(_ reply: [UInt8]) throws -> Reply.Acknowledgement {
    do {
      return try WireCoding.decode(Reply.Acknowledgement.self, from: reply)
    } catch {
      throw PodiumClientError.unreadableReply(String(decoding: reply, as: UTF8.self))
    }
  }
}
