import Foundation
import Hummingbird
import HummingbirdWebSocket
import NIOWebSocket
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// `GET /api/v1/rooms/:room/live` as a WebSocket: the room's variables on every change and
/// once a second (`{"type": "variables", "variables": {…}}`), and commands accepted on the
/// same socket (`{"id": ID, "command": NAME, "args": {…}}`, answered `{"type": "result",
/// "id": ID, "ok": …, "ack" or "error": …}`), with the HTTP API's tokens and scopes. A socket
/// sending more than `commandsPerSecond` commands gets `rate_limited` for the excess.
enum LiveVariables {
  /// Commands one socket may send per second (a burst of as many).
  static let commandsPerSecond = 20
  /// The largest message a socket may send.
  static let maximumMessageBytes = 16 * 1024
  /// Variables waiting for a slow reader before the oldest are dropped (results never are).
  static let queuedMessages = 64

  /// What the socket sends.
  struct Message: Encodable {
    var type: String
    var variables: RoomVariables?
    var id: String?
    var ok: Bool?
    var ack: Reply.Acknowledgement?
    var error: Reply.Failure?
  }

  /// The router of the upgrade requests. A socket that may not open (a page of another site,
  /// no valid token, another room's token, an unknown room) gets one `{"type":"refused",
  /// "error":{…}}` message and is closed with code 4000 + the HTTP status the API would answer
  /// (4401, 4403, 4404…).
  static func router(_ server: ControlServer) -> Router<ControlSocketContext> {
    let router = Router(context: ControlSocketContext.self)
    router.ws(
      "/api/v1/rooms/:room/live",
      onUpgrade: { inbound, outbound, context in
        let room = context.requestContext.parameters.get("room") ?? ""
        // A refused handshake could only say 400 with no reason: the socket opens, says why and closes.
        if let refusal = server.refusal(connecting: room, context.request) {
          try await outbound.write(.text(encode(Message(type: "refused", error: Reply.Failure(id: nil, refusal)))))
          try await outbound.close(
            .unknown(4000 + UInt16(refusal.code.httpStatus.code)), reason: closeReason(refusal.message))
          return
        }
        guard case .success(let caller) = ControlCaller.of(context.request, access: server.shell.access) else { return }
        let (outgoing, queue) = AsyncStream.makeStream(
          of: String.self, bufferingPolicy: .bufferingNewest(queuedMessages))
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            for await text in outgoing { try await outbound.write(.text(text)) }
          }
          group.addTask { await push(room, of: server, into: queue) }
          let limit = RateLimiter(rate: commandsPerSecond, per: 1)
          for try await message in inbound.messages(maxSize: maximumMessageBytes) {
            // Straight to the socket, never dropped: a client that does not read holds up only itself.
            try await outbound.write(
              .text(await answer(message, room: room, caller: caller, server: server, limit: limit)))
          }
          queue.finish()
          group.cancelAll()
        }
      })
    return router
  }

  /// Sends the room's variables when its state changes and once a second, until cancelled.
  private static func push(_ room: String, of server: ControlServer, into queue: AsyncStream<String>.Continuation) async
  {
    let client = server.shell.client
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        // What happened goes at once; the passing of time goes with the ticks below.
        var last: (status: RoomStatus?, connected: Bool)?
        for await view in client.views() {
          let status = view.rooms[room]
          if let last, last.connected == view.connected, same(last.status, status) { continue }
          last = (status, view.connected)
          if let text = variablesText(room, server) { queue.yield(text) }
        }
      }
      group.addTask {
        while !Task.isCancelled {
          await server.sleepToDaemonSecond()
          if let text = variablesText(room, server) { queue.yield(text) }
        }
      }
      await group.waitForAll()
    }
  }

  /// Whether two readings of a room say the same apart from the passing of time (both absent alike).
  private static func same(_ one: RoomStatus?, _ other: RoomStatus?) -> Bool {
    guard let one, let other else { return one == nil && other == nil }
    return one.saysSame(as: other)
  }

  private static func variablesText(_ room: String, _ server: ControlServer) -> String? {
    server.variables(of: room).map { encode(Message(type: "variables", variables: $0)) }
  }

  /// The answer to one message of the socket: the command's result, or why it was not sent.
  private static func answer(
    _ message: WebSocketMessage, room: String, caller: ControlCaller, server: ControlServer, limit: RateLimiter
  ) async -> String {
    func refused(_ error: ProtocolError, id: String? = nil) -> String {
      encode(Message(type: "result", id: id, ok: false, error: Reply.Failure(id: id, error)))
    }
    guard case .text(let text) = message, let members = JSONValue(parsing: Array(text.utf8))?.object,
      let name = members["command"]?.string
    else {
      return refused(ProtocolError(.malformed, #"send a JSON text message: {"id": "…", "command": "…", "args": {…}}"#))
    }
    let id = members["id"]?.string.map { String($0.prefix(64)) }
    if limit.take("socket") != nil {
      return refused(
        ProtocolError(.rateLimited, "more than \(commandsPerSecond) commands a second on this socket"), id: id)
    }
    let (result, _) = await server.send(name, args: members["args"]?.object ?? [:], room: room, as: caller)
    return encode(Message(type: "result", id: id, ok: result.ok, ack: result.ack, error: result.error))
  }

  /// A close frame's reason: at most 123 bytes of UTF-8, cut between characters.
  static func closeReason(_ text: String) -> String {
    var reason = ""
    for character in text {
      guard reason.utf8.count + character.utf8.count <= 123 else { break }
      reason.append(character)
    }
    return reason
  }

  private static func encode(_ message: Message) -> String {
    (try? PodiumJSON.encoder().encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
