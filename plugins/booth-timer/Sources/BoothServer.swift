import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// The booth timer's web server: booth consoles, the chief interpreter's view, their
/// live feed and the command API.
struct BoothServer {
  /// The pages, read once from the resources.
  struct Pages {
    var index: String
    var booth: String
    var chief: String

    init(directory: URL) throws {
      func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      }
      index = try read("index.html")
      booth = try read("booth.html")
      chief = try read("chief.html")
    }
  }

  let client: PodiumClient
  let hub: LiveHub
  let pages: Pages
  let publicDirectory: URL
  let sharedDirectory: URL?
  /// Requests per client address.
  let requestLimit: RequestRateLimit
  /// Who may open the chief interpreter's view and send its commands.
  let access: WebAccess
  /// Where people reach it (`--public-url`, `public.<plugin>`): accepted origins besides its own host.
  var publicOrigins: [PublicOrigin] = []
  /// The reverse proxies in front whose forwarded client and scheme count (`web.trustedProxies`).
  var trustedProxies = TrustedProxies()

  /// What the consoles' API forwards: the booths' commands and the chief interpreter's.
  static let scope = CommandScope(surface: "the booth consoles", senders: [.booth, .chiefInterpreter])

  /// Commands only the chief interpreter (or an operator) may send; the booths' own are open.
  static let chiefCommands = CommandCatalogue.names(sentBy: [.chiefInterpreter])

  func router() -> Router<PluginRequestContext> {
    let router = Router(context: PluginRequestContext.self)
    router.add(middleware: ForwardedHeaders(proxies: trustedProxies))
    router.add(middleware: requestLimit)
    router.add(middleware: PageSecurity.Middleware())
    router.add(middleware: SameOrigin(publicOrigins: publicOrigins.map(\.description)))
    SharedStatic.add(to: router, publicDirectory: publicDirectory, sharedDirectory: sharedDirectory)

    router.get("/") { _, _ in Responses.html(pages.index) }
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    router.get("/chief") { request, _ in
      access.admits(request, [.chief]) ? Responses.html(pages.chief) : access.loginPage(next: "/chief")
    }
    access.addLogin(to: router)
    router.get("/rooms/:room/booths/:booth") { _, context -> Response in
      let room = context.parameters.get("room") ?? ""
      let booth = context.parameters.get("booth") ?? ""
      let conference = client.view.conference
      if let known = conference?.room(room), !known.booths.contains(where: { $0.id == booth }) {
        return unknownBooth(booth, in: known)
      }
      return UnknownRoomPage.response(pages.booth, room: room, conference: conference, stylesheet: "/static/booth.css")
      {
        known in known.booths.first.map { "/rooms/\(known.id)/booths/\($0.id)" } ?? "/"
      }
    }
    router.get("/live") { request, _ in RoomFeed.stream(request, client: client, hub: hub, kind: "console") }
    router.post("/api/rooms/:room/commands") { request, context in
      await CommandForwarding.forward(
        request, room: context.parameters.get("room") ?? "", client: client, scope: Self.scope
      ) { command in
        // A booth's own commands come from its paired tablet (or the chief); the rest from the chief.
        guard let booth = command.booth, !Self.chiefCommands.contains(command.name) else {
          return access.refusal(of: command, request, roles: [.chief])
        }
        return access.refusal(actingFor: "\(command.room)/\(booth)", request)
      }
    }
    let pairing = TabletPairing(access: access, publicOrigin: publicOrigins.first)
    router.post("/api/rooms/:room/booths/:booth/pairing") { request, context in
      knownBooth(context) { pairing.pair(request, room: $0, booth: $1) }
    }
    router.post("/api/rooms/:room/booths/:booth/unpairing") { request, context in
      knownBooth(context) { pairing.unpair(request, room: $0, booth: $1) }
    }
    router.get("/api/rooms/:room/booths/:booth/access") { request, context in
      knownBooth(context) { pairing.access(request, room: $0, booth: $1) }
    }
    return router
  }

  /// `answer` for the route's room and booth, or a 404 naming what is unknown.
  private func knownBooth(_ context: PluginRequestContext, _ answer: (Room, Booth) -> Response) -> Response {
    let roomID = context.parameters.get("room") ?? ""
    let boothID = context.parameters.get("booth") ?? ""
    guard let room = client.view.conference?.room(roomID) else {
      return Responses.failure(ProtocolError(.unknownRoom, "no room '\(roomID)'", field: "room"), status: .notFound)
    }
    guard let booth = room.booths.first(where: { $0.id == boothID }) else {
      return Responses.failure(
        ProtocolError(.unknownBooth, "no booth '\(boothID)' in \(room.id)", field: "booth"), status: .notFound)
    }
    return answer(room, booth)
  }

  /// A 404 naming the booths the room does have.
  private func unknownBooth(_ booth: String, in room: Room) -> Response {
    let links = room.booths.map {
      let path = "/rooms/\(room.id)/booths/\($0.id)"
      return #"<li><a href="\#(HTMLText.escape(path))">\#(HTMLText.escape($0.id)) (\#($0.channel))</a></li>"#
    }.joined()
    return Responses.html(
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unknown booth</title>\
      <link rel="stylesheet" href="/static/booth.css"></head><body class="unknown-room">\
      <main><h1>No booth «\(HTMLText.escape(booth))» in \(HTMLText.escape(room.name))</h1>\
      <p>Its booths are:</p><ul>\(links)</ul></main></body></html>
      """, status: .notFound)
  }
}
