import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumWeb

/// The room display's web server: pages, their live feed, the operator's API.
struct DisplayServer {
  /// Its pages, settings, logins and client.
  let shell: WebShell
  let hub: LiveHub
  /// Where people reach the audience's question pages (`public.questions`): the door's QR code.
  let questionsOrigin: PublicOrigin?

  /// The pages it serves besides `index.html`.
  static let pages = ["index.html", "lobby.html", "door.html", "monitor.html", "control.html"]

  private var client: PodiumClient { shell.client }
  private var access: WebAccess { shell.access }

  /// What the control page's API forwards: the operator's commands (timing, messages, room full).
  static let scope = CommandScope(surface: "the control page", senders: [.operator])

  func router() -> Router<PluginRequestContext> {
    let router = shell.router()
    let pages = shell.pages
    router.get("/lobby") { _, _ in Responses.html(pages["lobby.html"]) }
    router.get("/rooms/:room/door") { _, context in roomPage(pages["door.html"], context) }
    router.get("/rooms/:room/monitor") { _, context in roomPage(pages["monitor.html"], context) }
    router.get("/rooms/:room/control") { request, context in
      access.admits(request, [.operator])
        ? roomPage(pages["control.html"], context) : access.loginPage(next: request.uri.path)
    }
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

    // The programme as it stands now, for attendees' schedule apps and calendars (public, read-only).
    router.get("/schedule.json") { request, _ -> Response in
      guard let programme = liveProgramme() else { return Response(status: .serviceUnavailable) }
      return Responses.feed(
        programme.frabJSON(baseURL: baseURL(request)), contentType: "application/json; charset=utf-8")
    }
    router.get("/schedule.xml") { request, _ -> Response in
      guard let programme = liveProgramme() else { return Response(status: .serviceUnavailable) }
      return Responses.feed(
        Data(programme.frabXML(baseURL: baseURL(request)).utf8), contentType: "application/xml; charset=utf-8")
    }
    router.get("/schedule.ics") { _, _ -> Response in
      guard let programme = liveProgramme() else { return Response(status: .serviceUnavailable) }
      return Responses.feed(
        Data(programme.iCalendar(name: programme.conference.name).utf8), contentType: "text/calendar; charset=utf-8")
    }
    router.get("/rooms/:room/schedule.ics") { _, context -> Response in
      let room = context.parameters.get("room") ?? ""
      guard let programme = liveProgramme(), let found = programme.conference.room(room) else {
        return Response(status: .notFound)
      }
      return Responses.feed(
        Data(programme.only(room: room).iCalendar(name: "\(programme.conference.name) — \(found.name)").utf8),
        contentType: "text/calendar; charset=utf-8")
    }

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

  /// The programme as the daemon's state has it now; nil before the first snapshot.
  private func liveProgramme() -> LiveProgramme? {
    let view = client.view
    return view.conference.map { LiveProgramme(conference: $0, statuses: view.rooms, at: client.daemonNow) }
  }

  /// Where the feed's links point: the display's public origin when set, else the host asked.
  private func baseURL(_ request: Request) -> String {
    if let origin = shell.publicOrigins.first { return origin.description }
    return "http://\(request.head.authority ?? "localhost")"
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
