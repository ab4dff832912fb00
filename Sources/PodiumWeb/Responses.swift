import Foundation
import Hummingbird
import PodiumCore
import PodiumProtocol

/// Responses plugins send: live event streams, JSON, HTML.
public enum Responses {
  /// A `text/event-stream` response that writes `events` until the browser leaves.
  /// `written` is called after each event reaches the connection.
  public static func eventStream(_ events: AsyncStream<String>, written: @escaping @Sendable () -> Void) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream; charset=utf-8"
    headers[.cacheControl] = "no-store"
    headers[.xAccelBuffering] = "no"  // a reverse proxy passes each event at once
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        // Tells the browser how soon to reconnect after a cut.
        try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
        for await chunk in events {
          try await writer.write(ByteBuffer(string: chunk))
          written()
        }
        try await writer.finish(nil)
      })
  }

  /// A JSON response of an encodable value, with Podium's conventions.
  public static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
    let data = (try? PodiumJSON.encoder().encode(value)) ?? Data("null".utf8)
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// A refusal as a page's API reports it: `{"ok": false, "error": {code, message, field}}`, with
  /// the code's HTTP status (`ErrorCode.httpStatus`).
  public static func failure(_ error: ProtocolError) -> Response {
    json(CommandForwarding.Result(ok: false, error: Reply.Failure(id: nil, error)), status: error.code.httpStatus)
  }

  /// An HTML page.
  public static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.cacheControl] = "no-cache"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// A live schedule feed (`schedule.json`, `schedule.xml`, iCalendar): fetched again by
  /// apps that poll, so it says not to keep it.
  public static func feed(_ body: Data, contentType: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = contentType
    headers[.cacheControl] = "no-cache"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }

  /// An SVG image.
  public static func svg(_ text: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "image/svg+xml"
    headers[.cacheControl] = "no-cache"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }
}
