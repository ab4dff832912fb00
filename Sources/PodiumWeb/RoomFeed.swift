import Foundation
import Hummingbird
import PodiumCore
import PodiumPluginKit
import PodiumProtocol

/// Turns the daemon's state into what pages receive: one `state` event per room,
/// one with every room (lobby, chief interpreter), and the daemon's clock.
public enum RoomFeed {
  /// The conference as pages need it: names, time zone, languages, rooms.
  struct ConferenceSummary: Encodable {
    struct RoomSummary: Encodable {
      var id: String
      var name: String
      var names: [String: String]
    }

    var id: String
    var name: String
    var names: [String: String]
    var timeZone: String
    /// The zone's offset now by the system's time zone data (`+01:00`): browsers
    /// format times with it, as their own data may disagree (Casablanca's does).
    var utcOffset: String
    var languages: [Language]
    var rooms: [RoomSummary]
  }

  /// The body of a `state` event.
  struct State: Encodable {
    var seq: Int64
    var connected: Bool
    var conference: ConferenceSummary?
    var rooms: [String: RoomStatus]
  }

  /// The `state` events of a view: per room whose state differs from `previous`
  /// (every room when the connection or the conference changed), and for all rooms.
  public static func events(
    for view: PodiumView, since previous: PodiumView? = nil
  ) -> (
    rooms: [String: ServerSentEvent], all: ServerSentEvent
  ) {
    let summary = view.conference.map { conference in
      ConferenceSummary(
        id: conference.id, name: conference.name, names: conference.names, timeZone: conference.timeZone,
        utcOffset: offsetText(TimeZone(identifier: conference.timeZone)?.secondsFromGMT(for: Date()) ?? 0),
        languages: conference.languages,
        rooms: conference.rooms.map { ConferenceSummary.RoomSummary(id: $0.id, name: $0.name, names: $0.names) })
    }
    let everything =
      previous == nil || previous?.connected != view.connected || previous?.conference != view.conference
    var rooms: [String: ServerSentEvent] = [:]
    for (id, status) in view.rooms where everything || previous?.rooms[id] != status {
      rooms[id] = event(State(seq: view.seq, connected: view.connected, conference: summary, rooms: [id: status]))
    }
    let all = event(State(seq: view.seq, connected: view.connected, conference: summary, rooms: view.rooms))
    return (rooms, all)
  }

  /// `+01:00` for 3600 seconds.
  public static func offsetText(_ seconds: Int) -> String {
    let minutes = abs(seconds) / 60
    return (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
  }

  /// The `state` event for a room the conference does not have: no rooms, so the page says so.
  public static func unknownRoom(in view: PodiumView) -> ServerSentEvent {
    var state = events(
      for: PodiumView(seq: view.seq, connected: view.connected, conference: view.conference, rooms: [:], topics: [:])
    ).all
    state.name = "state"
    return state
  }

  /// The `clock` event: the daemon's clock as of sending.
  public static func clock(_ daemonNow: Date) -> ServerSentEvent {
    ServerSentEvent(name: "clock", data: #"{"daemonNow":"\#(PodiumJSON.formatInstant(daemonNow))"}"#)
  }

  /// Publishes every view of `client` to `hub` until cancelled.
  public static func follow(_ client: PodiumClient, into hub: LiveHub) async {
    var previous: PodiumView?
    for await view in client.views() {
      let events = events(for: view, since: previous)
      hub.forget(roomsOtherThan: Set(view.rooms.keys))
      hub.publish(changed: events.rooms, all: events.all, unknownRoom: unknownRoom(in: view))
      previous = view
    }
  }

  /// Sends the daemon's clock to every page of `hubs` every two seconds until cancelled.
  public static func tickClock(of client: PodiumClient, into hubs: LiveHub...) async {
    while !Task.isCancelled {
      let event = clock(client.daemonNow)
      for hub in hubs { hub.broadcast(event) }
      try? await Task.sleep(nanoseconds: 2_000_000_000)
    }
  }

  /// `GET /live?room=R&screen=NAME&kind=KIND`: a page's event stream of room states (every room
  /// without `room`), starting with the daemon's clock and the latest state.
  public static func stream(
    _ request: Request, client: PodiumClient, hub: LiveHub, kind defaultKind: String
  ) -> Response {
    let query = request.uri.queryParameters
    let room = query.get("room").flatMap { $0.isEmpty ? nil : String($0) }
    let name = query.get("screen").flatMap { $0.isEmpty ? nil : String($0.prefix(80)) } ?? defaultKind
    let kind = query.get("kind").map { String($0.prefix(20)) } ?? defaultKind
    let (screen, events) = hub.connect(name: name, room: room, kind: kind, first: clock(client.daemonNow))
    if let room, client.view.conference != nil, client.view.rooms[room] == nil {
      hub.send(unknownRoom(in: client.view), to: screen.id)
    }
    return Responses.eventStream(events) { hub.seen(screen.id) }
  }

  private static func event(_ state: State) -> ServerSentEvent {
    let data = (try? PodiumJSON.encoder().encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return ServerSentEvent(name: "state", data: data)
  }
}
