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
  /// Its pages, settings, logins and client.
  let shell: WebShell
  let hub: LiveHub

  /// The pages it serves besides `index.html`.
  static let pages = ["index.html", "booth.html", "chief.html"]

  private var client: PodiumClient { shell.client }
  private var access: WebAccess { shell.access }

  /// What the consoles' API forwards: the booths' commands and the chief interpreter's.
  static let scope = CommandScope(surface: "the booth consoles", senders: [.booth, .chiefInterpreter])

  /// Commands only the chief interpreter (or an operator) may send; the booths' own are open.
  static let chiefCommands = CommandCatalogue.names(sentBy: [.chiefInterpreter])

  func router() -> Router<PluginRequestContext> {
    let router = shell.router()
    let pages = shell.pages
    router.get("/chief") { request, _ in
      access.admits(request, [.chief]) ? Responses.html(pages["chief.html"]) : access.loginPage(next: "/chief")
    }
    router.get("/rooms/:room/booths/:booth") { _, context -> Response in
      let room = context.parameters.get("room") ?? ""
      let booth = context.parameters.get("booth") ?? ""
      let conference = client.view.conference
      if let known = conference?.room(room), !known.booths.contains(where: { $0.id == booth }) {
        return unknownBooth(booth, in: known)
      }
      return UnknownRoomPage.response(
        pages["booth.html"], room: room, conference: conference, stylesheet: "/static/booth.css"
      ) {
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
    let pairing = TabletPairing(access: access, publicOrigin: shell.publicOrigins.first)
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
      return Responses.failure(ProtocolError(.unknownRoom, "no room '\(roomID)'", field: "room"))
    }
    guard let booth = room.booths.first(where: { $0.id == boothID }) else {
      return Responses.failure(
        ProtocolError(.unknownBooth, "no booth '\(boothID)' in \(room.id)", field: "booth"))
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
