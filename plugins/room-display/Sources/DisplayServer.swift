import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumWeb

/// The room display's web server: pages, their live feed, the operator's API.
struct DisplayServer {
  /// The pages, read once from the resources.
  struct Pages {
    var index: String
    var lobby: String
    var door: String
    var monitor: String
    var control: String

    init(directory: URL) throws {
      func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      }
      index = try read("index.html")
      lobby = try read("lobby.html")
      door = try read("door.html")
      monitor = try read("monitor.html")
      control = try read("control.html")
    }
  }

  let client: PodiumClient
  let hub: LiveHub
  let pages: Pages
  let publicDirectory: URL
  let sharedDirectory: URL?
  /// Requests per client address.
  let requestLimit: RequestRateLimit
  /// Who may open the control page and send commands.
  let access: WebAccess
  /// Where people reach it (`--public-url`, `public.<plugin>`): accepted origins besides its own host.
  var publicOrigins: [PublicOrigin] = []
  /// The reverse proxies in front whose forwarded client and scheme count (`web.trustedProxies`).
  var trustedProxies = TrustedProxies()
  /// Where people reach the audience's question pages (`public.questions`): the door's QR code.
  var questionsOrigin: PublicOrigin?

  /// What the control page's API forwards: the operator's commands (timing, messages, room full).
  static let scope = CommandScope(surface: "the control page", senders: [.operator])

  func router() -> Router<PluginRequestContext> {
    let router = Router(context: PluginRequestContext.self)
    router.add(middleware: ForwardedHeaders(proxies: trustedProxies))
    router.add(middleware: requestLimit)
    router.add(middleware: PageSecurity.Middleware())
    router.add(middleware: SameOrigin(publicOrigins: publicOrigins.map(\.description)))
    SharedStatic.add(to: router, publicDirectory: publicDirectory, sharedDirectory: sharedDirectory)

    router.get("/") { _, _ in Responses.html(pages.index) }
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    router.get("/lobby") { _, _ in Responses.html(pages.lobby) }
    router.get("/rooms/:room/door") { _, context in roomPage(pages.door, context) }
    router.get("/rooms/:room/monitor") { _, context in roomPage(pages.monitor, context) }
    router.get("/rooms/:room/control") { request, context in
      access.admits(request, [.operator])
        ? roomPage(pages.control, context) : access.loginPage(next: request.uri.path)
    }
    access.addLogin(to: router)
    router.get("/rooms/:room/qa-link") { request, context -> Response in
      guard let link = questionsLink(request, context) else { return Response(status: .notFound) }
      return Responses.json(["url": link])
    }
    router.get("/rooms/:room/qa-qr.svg") { request, context -> Response in
      guard let link = questionsLink(request, context), let code = QRCode(link) else {
        return Response(status: .notFound)
      }
      return Responses.svg(code.svg)
    }

    router.get("/live") { request, _ in RoomFeed.stream(request, client: client, hub: hub, kind: "screen") }

    router.post("/api/rooms/:room/commands") { request, context in
      await CommandForwarding.forward(
        request, room: context.parameters.get("room") ?? "", client: client, scope: Self.scope
      ) { access.refusal(of: $0, request, roles: [.operator]) }
    }
    router.get("/api/screens") { request, _ in
      access.admits(request, [.operator]) ? Responses.json(hub.screens) : access.unauthorized()
    }
    router.post("/api/screens/:id/identify") { request, context -> Response in
      guard access.admits(request, [.operator]) else { return access.unauthorized() }
      let id = context.parameters.get("id") ?? ""
      guard let screen = hub.screens.first(where: { $0.id == id && $0.connected }) else {
        return Response(status: .notFound)
      }
      let data = String(
        decoding: (try? JSONEncoder().encode(["screen": screen.name])) ?? Data("{}".utf8), as: UTF8.self)
      hub.send(ServerSentEvent(name: "identify", data: data), to: id)
      return Responses.json(["identified": screen.name])
    }
    return router
  }

  /// A room's page, or a clear "unknown room" page when the conference has no such room.
  private func roomPage(_ page: String, _ context: PluginRequestContext) -> Response {
    UnknownRoomPage.response(
      page, room: context.parameters.get("room") ?? "", conference: client.view.conference,
      link: { "/rooms/\($0.id)/door" }
    )
  }

  /// The room's audience question link as the requesting screen should show it (never a
  /// loopback link to a screen elsewhere), if the room has one.
  private func questionsLink(_ request: Request, _ context: PluginRequestContext) -> String? {
    guard let link = client.view.rooms[context.parameters.get("room") ?? ""]?.qa?.url else { return nil }
    return PublicLink.resolve(
      link, publicOrigin: questionsOrigin, screenHost: PublicLink.host(ofHeader: request.head.authority))
  }

}
