import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// The Q&A web server: the audience's page and API, the moderators' console and API,
/// their live feeds. Audience and moderators are kept apart: the audience API can only
/// ask and vote, the moderators' needs a moderator's login (the shared token's, or a
/// moderator's token of `web-tokens.yaml`), as a session cookie or `Authorization: Bearer`.
struct QuestionsServer {
  /// Commands the moderators' API forwards (each needs `by`): every command a moderator sends.
  static let moderation = CommandScope(surface: "the moderators' console", senders: [.moderator])
  static let deviceCookie = "podium_device"
  /// The pages it serves besides `index.html`.
  static let pages = ["index.html", "ask.html", "moderate.html"]

  /// Its pages, settings, logins (moderators: the shared token or a moderator's login) and client.
  let shell: WebShell
  let feed: QuestionFeed
  let limits: QuestionLimits
  /// Votes this plugin forwarded, per device: a hint for the page only (the daemon counts votes).
  let votes = VoteMemory()

  private var client: PodiumClient { shell.client }

  func router() -> Router<PluginRequestContext> {
    let router = shell.router()
    let pages = shell.pages
    let access = shell.access
    router.get("/rooms/:room/ask") { request, context -> Response in
      let page = UnknownRoomPage.response(
        pages["ask.html"], room: context.parameters.get("room") ?? "", conference: client.view.conference,
        stylesheet: "/static/qa.css"
      ) { "/rooms/\($0.id)/ask" }
      return withCookie(page, device(of: request).setCookie)
    }
    router.get("/moderate/:room") { request, context -> Response in
      let room = context.parameters.get("room") ?? ""
      if let token = request.uri.queryParameters.get("token") {
        guard let holder = access.holder(presenting: String(token)), [.moderator, .operator].contains(holder.role)
        else { return unauthorizedPage() }
        var response = Response(status: .seeOther)
        var target = URLComponents()
        target.path = "/moderate/\(room)"
        let kept = request.uri.queryParameters.filter { $0.key != "token" }.map {
          URLQueryItem(name: String($0.key), value: String($0.value))
        }
        target.queryItems = kept.isEmpty ? nil : kept
        response.headers[.location] = target.string ?? "/moderate/"
        response.headers[.setCookie] = access.sessionCookie(for: holder)
        return response
      }
      guard access.admits(request, [.moderator]) else { return unauthorizedPage() }
      return UnknownRoomPage.response(
        pages["moderate.html"], room: room, conference: client.view.conference, stylesheet: "/static/qa.css"
      ) { "/moderate/\($0.id)" }
    }

    router.get("/live/audience") { request, _ -> Response in
      guard let room = knownRoom(request.uri.queryParameters.get("room")) else { return Response(status: .notFound) }
      return Responses.eventStream(feed.connect(room: room, moderator: false, name: "audience")) {}
    }
    router.get("/live/moderator") { request, _ -> Response in
      guard access.admits(request, [.moderator]) else {
        return failure(.unauthorized, "the moderator link is needed")
      }
      guard let room = knownRoom(request.uri.queryParameters.get("room")) else { return Response(status: .notFound) }
      return Responses.eventStream(feed.connect(room: room, moderator: true, name: "moderator")) {}
    }

    router.get("/api/rooms") { _, _ -> Response in
      Responses.json(
        (client.view.conference?.rooms ?? []).map { RoomListing(id: $0.id, name: $0.name, names: $0.names) })
    }
    router.get("/api/rooms/:room/questions") { request, context -> Response in
      guard let room = knownRoom(context.parameters.get("room")) else { return unknownRoom(context) }
      let current = feed.room(room)
      let (device, setCookie) = device(of: request)
      let voted = votes.questions(votedBy: device)
      let board = current.audienceBoard
      let answer = Responses.json(
        AudienceAnswer(
          room: room, intake: board.intake, session: board.session, onScreen: board.onScreen,
          questions: current.audienceQuestions.map {
            var question = $0
            question.voted = voted.contains($0.id)
            return question
          }))
      return withCookie(answer, setCookie)
    }
    router.post("/api/rooms/:room/questions") { request, context -> Response in
      guard let room = knownRoom(context.parameters.get("room")) else { return unknownRoom(context) }
      if let wait = limits.addresses.take(context.peer) { return rateLimited(wait) }
      let (device, setCookie) = device(of: request)
      if let wait = limits.questions.take(device) { return rateLimited(wait, setCookie) }
      let body: [String: JSONValue]
      do {
        body = try await Self.jsonObject(request)
        if let unknown = body.keys.sorted().first(where: { !["text", "name", "language"].contains($0) }) {
          throw ProtocolError(
            .invalidArgument, "unknown field '\(unknown)' (known: language, name, text)", field: unknown)
        }
      } catch let error as ProtocolError {
        return failure(error.code, error.message, field: error.field, setCookie)
      }
      guard let text = body["text"]?.string else {
        limits.questions.refund(device)
        return failure(.invalidArgument, "write your question in 'text'", field: "text", setCookie)
      }
      let language = body["language"]?.string.flatMap { $0 == "auto" || $0.isEmpty ? nil : $0 }
      let name = body["name"]?.string.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
      let id = "q" + Cookie.randomValue().prefix(12)
      let command = RoomCommand(
        SubmitQuestion(question: id, text: text, name: name, language: language, device: device), in: room)
      let response = await send(
        command, reply: ["question": .string(id), "state": .string("pending")], status: .created, setCookie)
      if response.status == .badRequest { limits.questions.refund(device) }  // invalid text: not a question
      return response
    }
    router.post("/api/rooms/:room/questions/:id/vote") { request, context -> Response in
      guard let room = knownRoom(context.parameters.get("room")) else { return unknownRoom(context) }
      if let wait = limits.addresses.take(context.peer) { return rateLimited(wait) }
      let (device, setCookie) = device(of: request)
      if let wait = limits.votes.take(device) { return rateLimited(wait, setCookie) }
      let id = context.parameters.get("id") ?? ""
      let response = await send(
        RoomCommand(VoteQuestion(question: id, device: device), in: room), reply: [:], status: .ok, setCookie)
      if response.status == .ok { votes.remember(id, votedBy: device) }
      return response
    }

    router.get("/api/rooms/:room/moderation") { request, context -> Response in
      guard access.admits(request, [.moderator]) else {
        return failure(.unauthorized, "the moderator link is needed")
      }
      guard let room = knownRoom(context.parameters.get("room")) else { return unknownRoom(context) }
      let current = feed.room(room)
      return Responses.json(ModeratorAnswer(board: current.board, questions: current.allQuestions))
    }
    router.post("/api/rooms/:room/moderation") { request, context -> Response in
      guard access.admits(request, [.moderator]) else {
        return failure(.unauthorized, "the moderator link is needed")
      }
      guard let room = knownRoom(context.parameters.get("room")) else { return unknownRoom(context) }
      do {
        let body = try await Self.jsonObject(request)
        let name = body["command"]?.string ?? ""
        if let refusal = Self.moderation.refusal(of: name) {
          return failure(refusal.code, refusal.message, field: refusal.field)
        }
        guard Self.moderation.commands.contains(name) else {
          throw ProtocolError(
            .unknownCommand, "moderators send one of: \(Self.moderation.commands.sorted().joined(separator: ", "))",
            field: "command")
        }
        let args = body["args"]?.object ?? [:]
        guard let by = args["by"]?.string?.trimmingCharacters(in: .whitespaces), (1...40).contains(by.count) else {
          throw ProtocolError(.invalidArgument, "say who you are: 'by' is 1 to 40 characters", field: "by")
        }
        return await send(
          try CommandCoding.decode(name: name, room: room, args: args), reply: nil, status: .ok, nil)
      } catch let error as ProtocolError {
        return failure(error.code, error.message, field: error.field)
      }
    }
    return router
  }

  // MARK: helpers

  private func knownRoom(_ raw: String?) -> Room.ID? {
    guard let raw, let room = raw.removingPercentEncoding, client.view.conference?.room(room) != nil else { return nil }
    return room
  }

  /// The request's device id, and the cookie to set when it had none (or a malformed one).
  private func device(of request: Request) -> (device: String, setCookie: String?) {
    if let device = request.cookies[Self.deviceCookie]?.value, !device.isEmpty, device.count <= 64 {
      return (device, nil)
    }
    let device = Cookie.randomValue()
    return (device, Cookie.podium(Self.deviceCookie, device).description)
  }

  /// Sends a command; answers `{ok: true}` plus `reply` (or the daemon's `ack` when `reply` is nil)
  /// with `status`, or `{ok: false, error}` with an HTTP status a page can act on.
  private func send(
    _ command: RoomCommand, reply: [String: JSONValue]?, status: HTTPResponse.Status, _ setCookie: String?
  ) async -> Response {
    do {
      let ack = try await client.send(command)
      var body: [String: JSONValue] = ["ok": .bool(true)]
      if let reply {
        body.merge(reply) { $1 }
      } else {
        body["ack"] = try? JSONValue(encoding: ack)
      }
      return withCookie(Responses.json(JSONValue.object(body), status: status), setCookie)
    } catch PodiumClientError.refused(let refusal) {
      return failure(refusal.code, refusal.message, field: refusal.field, setCookie)
    } catch {
      return failure(
        .daemonUnreachable, "the conference server does not answer; try again", setCookie)
    }
  }

  private func failure(
    _ code: ErrorCode, _ message: String, field: String? = nil, _ setCookie: String? = nil
  ) -> Response {
    withCookie(Responses.failure(ProtocolError(code, message, field: field)), setCookie)
  }

  private func rateLimited(_ wait: TimeInterval, _ setCookie: String? = nil) -> Response {
    var response = failure(
      .rateLimited, "too many requests; try again in \(Int(wait.rounded(.up))) s", setCookie)
    response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
    return response
  }

  private func unknownRoom(_ context: PluginRequestContext) -> Response {
    let known = client.view.conference?.rooms.map(\.id).joined(separator: ", ") ?? ""
    return failure(
      .unknownRoom, "no room '\(context.parameters.get("room") ?? "")' (rooms: \(known))", field: "room")
  }

  private func unauthorizedPage() -> Response {
    Responses.html(
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moderators only</title>\
      <link rel="stylesheet" href="/static/qa.css"></head><body class="unauthorized"><main>\
      <h1>Moderators only</h1><p>Open the private moderator link you were given.</p></main></body></html>
      """, status: .unauthorized)
  }

  private func withCookie(_ response: Response, _ setCookie: String?) -> Response {
    var response = response
    if let setCookie { response.headers[.setCookie] = setCookie }
    return response
  }

  static func jsonObject(_ request: Request) async throws -> [String: JSONValue] {
    var request = request
    guard let buffer = try? await request.collectBody(upTo: CommandForwarding.maximumBodyBytes) else {
      throw ProtocolError(.messageTooLarge, "the request body is over \(CommandForwarding.maximumBodyBytes) bytes")
    }
    guard let body = JSONValue(parsing: Array(buffer: buffer)), let members = body.object
    else {
      throw ProtocolError(.malformed, "send a JSON object (UTF-8)")
    }
    return members
  }
}
