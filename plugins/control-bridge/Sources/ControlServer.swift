import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// The control bridge's HTTP API (`/api/v1`): rooms' variables, their commands, its OpenAPI
/// document. Every call needs a login token once `web-tokens.yaml` has one (loopback only
/// without); a token's role says whose commands it sends and its `room` limits it to one room.
struct ControlServer: Sendable {
  /// Its settings, logins and client.
  let shell: WebShell

  /// The pages it serves: a page saying what the bridge offers.
  static let pages = ["index.html"]

  /// Its client of the daemon.
  var client: PodiumClient { shell.client }
  private var access: WebAccess { shell.access }

  func router() -> Router<PluginRequestContext> {
    let router = shell.router()
    let document = ControlAPIDocument.text
    router.get("/api/v1/openapi.json") { _, _ in
      var headers = HTTPFields()
      headers[.contentType] = "application/json; charset=utf-8"
      return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
    }
    router.get("/api/v1/rooms") { request, _ -> Response in
      let caller: ControlCaller
      switch ControlCaller.of(request, access: access) {
      case .success(let known): caller = known
      case .failure(let refusal): return Responses.failure(refusal)
      }
      guard let conference = client.view.conference else { return Responses.failure(Self.notConnected) }
      let rooms = conference.rooms.filter { caller.holder?.acts(in: $0.id) ?? true }.compactMap { variables(of: $0.id) }
      return Responses.json(["rooms": rooms])
    }
    router.get("/api/v1/rooms/:room") { request, context -> Response in
      let room = context.parameters.get("room") ?? ""
      if let refusal = refusal(reading: room, request) { return Responses.failure(refusal) }
      guard let variables = variables(of: room) else { return Responses.failure(Self.notConnected) }
      return Responses.json(variables)
    }
    router.get("/api/v1/rooms/:room/live") { request, context -> Response in
      // Without `Upgrade: websocket`: say what this is, or why it would be refused.
      let room = context.parameters.get("room") ?? ""
      if let refusal = refusal(connecting: room, request) { return Responses.failure(refusal) }
      return Responses.failure(
        ProtocolError(.malformed, "this is a WebSocket: connect with Upgrade: websocket (docs/CONTROL.md)"))
    }
    router.post("/api/v1/rooms/:room/commands/:command") { request, context -> Response in
      let room = context.parameters.get("room") ?? ""
      let name = context.parameters.get("command") ?? ""
      let caller: ControlCaller
      switch ControlCaller.of(request, access: access) {
      case .success(let known): caller = known
      case .failure(let refusal): return Responses.failure(refusal)
      }
      var request = request
      guard let buffer = try? await request.collectBody(upTo: CommandForwarding.maximumBodyBytes) else {
        return Responses.failure(
          ProtocolError(.messageTooLarge, "the request body is over \(CommandForwarding.maximumBodyBytes) bytes"))
      }
      let bytes = Array(buffer: buffer)
      let args: [String: JSONValue]
      if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
        args = [:]
      } else if let members = JSONValue(parsing: bytes)?.object {
        args = members
      } else {
        return Responses.failure(
          ProtocolError(.malformed, "post the command's arguments as one JSON object ({} for none)"))
      }
      let (result, status) = await send(name, args: args, room: room, as: caller)
      return Responses.json(result, status: status)
    }
    return router
  }

  /// Sends command `name` for `caller`: only the commands of its role, in its room (and booth).
  func send(
    _ name: String, args: [String: JSONValue], room: String, as caller: ControlCaller
  ) async -> (
    result: CommandForwarding.Result, status: HTTPResponse.Status
  ) {
    await CommandForwarding.send(name, args: args, room: room, client: client, scope: caller.scope) { command in
      caller.refusal(of: command, access: access)
    }
  }

  /// Why `request` may not read room `room`'s variables: no valid token, a token for another
  /// room, or no such room.
  func refusal(reading room: String, _ request: Request) -> ProtocolError? {
    switch ControlCaller.of(request, access: access) {
    case .failure(let refusal): return refusal
    case .success(let caller):
      if let holder = caller.holder, let refusal = access.refusal(of: holder, actingIn: room) { return refusal }
    }
    guard let conference = client.view.conference else { return Self.notConnected }
    guard conference.rooms.contains(where: { $0.id == room }) else {
      return ProtocolError(
        .unknownRoom,
        "the conference has no room '\(room)' (rooms: \(conference.rooms.map(\.id).joined(separator: ", ")))",
        field: "room")
    }
    return nil
  }

  /// Why `request` may not open room `room`'s WebSocket: a page of another site (the socket
  /// would ride its visitor's cookie), or why it may not read the room.
  func refusal(connecting room: String, _ request: Request) -> ProtocolError? {
    SameOrigin<PluginRequestContext>(publicOrigins: shell.publicOrigins).originRefusal(of: request)
      ?? refusal(reading: room, request)
  }

  /// Room `room`'s variables now, on the daemon's clock; nil before the bridge has its state.
  func variables(of room: String) -> RoomVariables? {
    let view = client.view
    guard let status = view.rooms[room] else { return nil }
    return RoomVariables(status: status, conference: view.conference, connected: view.connected, at: client.daemonNow)
  }

  /// Sleeps until the next second of the daemon's clock (or until cancelled), so that a
  /// countdown shown from what is sent then ticks evenly.
  func sleepToDaemonSecond() async {
    // A sleep may end a hair before the second it aimed at (or the clock's offset moves): a
    // second that is due within 50 ms is the one just reached, so the next is one after it.
    let now = client.daemonNow.timeIntervalSince1970
    let next = (now + 0.05).rounded(.down) + 1
    try? await Task.sleep(nanoseconds: UInt64((next - now) * 1_000_000_000))
  }

  static let notConnected = ProtocolError(
    .daemonUnreachable, "the bridge has no state from the daemon yet (is podiumd running?)")
}
