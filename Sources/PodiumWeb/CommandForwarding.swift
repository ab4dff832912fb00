import Foundation
import Hummingbird
import PodiumCore
import PodiumPluginKit
import PodiumProtocol

/// Turns a page's `POST {"command": …, "args": {…}}` into a daemon command and its
/// result into `{"ok": true, "ack": …}` or `{"ok": false, "error": {code, message, field}}`.
public enum CommandForwarding {
  /// The largest request body a page may post.
  public static let maximumBodyBytes = 16 * 1024

  /// What the page gets back.
  public struct Result: Encodable {
    public var ok: Bool
    public var ack: Reply.Acknowledgement?
    public var error: Reply.Failure?

    public init(ok: Bool, ack: Reply.Acknowledgement? = nil, error: Reply.Failure? = nil) {
      self.ok = ok
      self.ack = ack
      self.error = error
    }
  }

  /// Forwards the command in `request`'s body for `room` through `client` if it is in `scope`
  /// (else 403 `out_of_scope`) and `refusal` finds no reason this request may not send it.
  /// Every refusal, the plugin's or the daemon's, has its code's HTTP status (`ErrorCode.httpStatus`).
  public static func forward(
    _ request: Request, room: String, client: PodiumClient, scope: CommandScope,
    refusal: (RoomCommand) -> ProtocolError? = { _ in nil }
  ) async -> Response {
    var request = request
    guard let buffer = try? await request.collectBody(upTo: maximumBodyBytes) else {
      return Responses.failure(ProtocolError(.messageTooLarge, "the request body is over \(maximumBodyBytes) bytes"))
    }
    guard let body = JSONValue(parsing: Array(buffer: buffer)), let members = body.object,
      let name = members["command"]?.string
    else {
      return Responses.failure(ProtocolError(.malformed, "post a JSON object with 'command' and 'args'"))
    }
    let (result, status) = await send(
      name, args: members["args"]?.object ?? [:], room: room, client: client, scope: scope, refusal: refusal)
    return Responses.json(result, status: status)
  }

  /// Sends the command `name` with `args` for `room` through `client` if it is in `scope` and
  /// `refusal` finds no reason not to: what the page gets back, and its HTTP status. The web
  /// APIs and the control bridge's WebSocket answer with it.
  public static func send(
    _ name: String, args: [String: JSONValue], room: String, client: PodiumClient, scope: CommandScope,
    refusal: (RoomCommand) -> ProtocolError? = { _ in nil }
  ) async -> (result: Result, status: HTTPResponse.Status) {
    func failed(_ error: ProtocolError) -> (Result, HTTPResponse.Status) {
      (Result(ok: false, error: Reply.Failure(id: nil, error)), error.code.httpStatus)
    }
    if let refused = scope.refusal(of: name) { return failed(refused) }
    do {
      let command = try CommandCoding.decode(name: name, room: room, args: args)
      if let refused = refusal(command) { return failed(refused) }
      let ack = try await client.send(command)
      return (Result(ok: true, ack: ack), .ok)
    } catch let error as ProtocolError {
      return failed(error)
    } catch PodiumClientError.refused(let refusal) {
      return (Result(ok: false, error: refusal), refusal.code.httpStatus)
    } catch {
      return failed(ProtocolError(.daemonUnreachable, "\(error)"))
    }
  }
}
