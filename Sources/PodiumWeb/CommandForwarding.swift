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
    if let refusal = scope.refusal(of: name) { return Responses.failure(refusal) }
    do {
      let command = try CommandCoding.decode(name: name, room: room, args: members["args"]?.object ?? [:])
      if let refused = refusal(command) { return Responses.failure(refused) }
      let ack = try await client.send(command)
      return Responses.json(Result(ok: true, ack: ack, error: nil))
    } catch let error as ProtocolError {
      return Responses.failure(error)
    } catch PodiumClientError.refused(let refusal) {
      return Responses.json(Result(ok: false, ack: nil, error: refusal), status: refusal.code.httpStatus)
    } catch {
      return Responses.failure(ProtocolError(.daemonUnreachable, "\(error)"))
    }
  }
}
