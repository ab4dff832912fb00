import PodiumWeb
import XCTest

final class ServerSentEventTests: XCTestCase {
  func testEventsAreFramedWithOneDataLinePerLine() {
    XCTAssertEqual(ServerSentEvent(name: "state", data: #"{"a":1}"#).framed, "event: state\ndata: {\"a\":1}\n\n")
    XCTAssertEqual(ServerSentEvent(name: "x", data: "a\nb").framed, "event: x\ndata: a\ndata: b\n\n")
  }
}

final class QRCodeTests: XCTestCase {
  func testAShortLinkIsAVersionOneCodeWithFinderPatterns() throws {
    let code = try XCTUnwrap(QRCode("http://podium/rooms/plenary/ask"))
    XCTAssertEqual(code.size % 4, 1, "QR sizes are 17 + 4 × version")
    XCTAssertGreaterThanOrEqual(code.size, 21)
    // The three finder patterns: dark 7×7 squares with a light ring inside.
    for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
      XCTAssertTrue(code.isDark(row: row, column: column))
      XCTAssertFalse(code.isDark(row: row + 1, column: column + 1))
      XCTAssertTrue(code.isDark(row: row + 3, column: column + 3))
    }
    XCTAssertTrue(
      code.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\""))
  }

  func testLongerTextGivesALargerCode() throws {
    let short = try XCTUnwrap(QRCode("a"))
    let long = try XCTUnwrap(QRCode(String(repeating: "مرحبا", count: 40)))
    XCTAssertGreaterThan(long.size, short.size)
  }
}

final class LiveHubTests: XCTestCase {
  private func first(_ stream: AsyncStream<String>) async -> String? {
    var iterator = stream.makeAsyncIterator()
    return await iterator.next()
  }

  func testAScreenGetsTheLatestStateOfItsRoomOnConnecting() async {
    let hub = LiveHub()
    hub.publish(
      changed: [
        "plenary": ServerSentEvent(name: "state", data: "P"), "atlas": ServerSentEvent(name: "state", data: "A"),
      ],
      all: ServerSentEvent(name: "state", data: "ALL"), unknownRoom: ServerSentEvent(name: "state", data: "?"))
    let door = hub.connect(name: "door-1", room: "atlas", kind: "door")
    let lobby = hub.connect(name: "lobby", room: nil, kind: "lobby")
    let first = await first(door.events)
    XCTAssertEqual(first, "event: state\ndata: A\n\n")
    let all = await self.first(lobby.events)
    XCTAssertEqual(all, "event: state\ndata: ALL\n\n")
  }

  func testAScreenHearsTheDaemonsClockBeforeTheStateItDraws() async {
    let hub = LiveHub()
    hub.publish(
      changed: ["plenary": ServerSentEvent(name: "state", data: "P")], all: ServerSentEvent(name: "state", data: "ALL"),
      unknownRoom: ServerSentEvent(name: "state", data: "?"))
    let door = hub.connect(
      name: "door", room: "plenary", kind: "door", first: ServerSentEvent(name: "clock", data: "T"))
    var events = door.events.makeAsyncIterator()
    let clock = await events.next()
    let state = await events.next()
    XCTAssertEqual(clock, "event: clock\ndata: T\n\n", "a screen whose own clock is wrong draws on the daemon's")
    XCTAssertEqual(state, "event: state\ndata: P\n\n")
  }

  func testPublishingReachesEachScreenWithItsRoomOrTheUnknownRoomState() async {
    let hub = LiveHub()
    let known = hub.connect(name: "a", room: "plenary", kind: "door")
    let unknown = hub.connect(name: "b", room: "ghost", kind: "door")
    hub.publish(
      changed: ["plenary": ServerSentEvent(name: "state", data: "P")], all: ServerSentEvent(name: "state", data: "ALL"),
      unknownRoom: ServerSentEvent(name: "state", data: "no such room"))
    let knownEvent = await first(known.events)
    let unknownEvent = await first(unknown.events)
    XCTAssertEqual(knownEvent, "event: state\ndata: P\n\n")
    XCTAssertEqual(unknownEvent, "event: state\ndata: no such room\n\n")
  }

  func testScreensOfAnUnchangedRoomGetNothing() async {
    let hub = LiveHub()
    hub.publish(
      changed: [
        "plenary": ServerSentEvent(name: "state", data: "P1"), "atlas": ServerSentEvent(name: "state", data: "A1"),
      ],
      all: ServerSentEvent(name: "state", data: "ALL1"), unknownRoom: ServerSentEvent(name: "state", data: "?"))
    let atlas = hub.connect(name: "a", room: "atlas", kind: "door")
    hub.publish(
      changed: ["plenary": ServerSentEvent(name: "state", data: "P2")],
      all: ServerSentEvent(name: "state", data: "ALL2"),
      unknownRoom: ServerSentEvent(name: "state", data: "?"))
    hub.publish(
      changed: ["atlas": ServerSentEvent(name: "state", data: "A2")], all: ServerSentEvent(name: "state", data: "ALL3"),
      unknownRoom: ServerSentEvent(name: "state", data: "?"))
    var iterator = atlas.events.makeAsyncIterator()
    let first = await iterator.next()
    let second = await iterator.next()
    XCTAssertEqual([first, second], ["event: state\ndata: A1\n\n", "event: state\ndata: A2\n\n"])
  }

  func testScreensAreListedAndKeptAfterLeaving() {
    let hub = LiveHub()
    let door = hub.connect(name: "door", room: "plenary", kind: "door")
    let monitor = hub.connect(name: "monitor", room: "plenary", kind: "monitor")
    defer { withExtendedLifetime(monitor) {} }
    XCTAssertEqual(hub.connectedCount, 2)
    hub.disconnect(door.screen.id)
    XCTAssertEqual(hub.connectedCount, 1)
    XCTAssertEqual(hub.screens.map(\.name), ["monitor", "door"])
    XCTAssertEqual(hub.screens.last?.connected, false)
    XCTAssertFalse(hub.send(ServerSentEvent(name: "identify", data: "{}"), to: door.screen.id))
  }
}
