import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import XCTest

/// Booths against the real daemon: a whole session driven as consoles would, a
/// `kill -9` in the middle of a turn, the workload report, and refusals.
final class InterpretationTests: XCTestCase {
  func testAWholeSessionWithHandoversARestartAndTheWorkloadReport() async throws {
    let daemon = try DaemonProcess()
    var console = daemon.client()
    let monitor = daemon.client(prefixes: ["room/plenary"])
    defer { monitor.stop() }

    try await console.send(RoomCommand(StartSession(session: "opening"), in: "plenary"))
    try await console.send(RoomCommand(TakeMicrophone(booth: "en", interpreter: "helen"), in: "plenary"))
    try await console.send(RoomCommand(SlowDown(booth: "en", active: true), in: "plenary"))
    await eventually("the speaker's monitor sees the slow-down request") {
      monitor.view.rooms["plenary"]?.slowDown.map(\.booth) == ["en"]
    }
    // Floor ar (the first speaker): the en booth has no Arabic and relays… nobody: the ar booth
    // has no retour here, so en cannot be served and the chief is told.
    let relay = try XCTUnwrap(monitor.view.rooms["plenary"]?.interpretation)
    XCTAssertEqual(relay.floorLanguage, "ar")
    XCTAssertEqual(relay.booths.first { $0.booth == "en" }?.source.kind, RelaySource.Kind.none)
    XCTAssertEqual(relay.alerts.map(\.rule), [.noSource])

    try await console.send(RoomCommand(RequestHandover(booth: "en", to: "mark"), in: "plenary"))
    try await console.send(RoomCommand(AcceptHandover(booth: "en"), in: "plenary"))
    try await console.send(RoomCommand(NextSpeaker(), in: "plenary"))  // Jean Martin speaks French
    await eventually("the en booth takes the French floor and its turn belongs to Mark") {
      let booth = monitor.view.rooms["plenary"]?.interpretation?.booths.first { $0.booth == "en" }
      return booth?.source.kind == .floor && booth?.onMic?.id == "mark" && booth?.slowDown == false
    }

    console.stop()
    daemon.kill(signal: SIGKILL)
    try daemon.start()
    console = daemon.client()
    defer { console.stop() }
    let after: Reply.Snapshot = try await console.request(
      .object(["type": .string("snapshot"), "id": .string("s"), "prefix": .string("room/plenary")]),
      as: Reply.Snapshot.self)
    let status = try XCTUnwrap(after.entries.first?.value.decode(RoomStatus.self))
    XCTAssertEqual(status.interpretation?.booths.first { $0.booth == "en" }?.onMic?.id, "mark", "the turn survives")

    try await Task.sleep(nanoseconds: 1_100_000_000)
    try await console.send(RoomCommand(EndSession(), in: "plenary"))
    let csv = try daemon.cli(["report", "workload", "--csv", "--data-dir", daemon.dataDirectory])
    XCTAssertEqual(csv.status, 0, csv.err)
    let lines = csv.out.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    XCTAssertEqual(lines.first?.prefix(3), ["day", "interpreter", "name"])
    let mark = try XCTUnwrap(lines.first { $0[1] == "mark" })
    XCTAssertEqual(mark[4], "en")
    XCTAssertEqual(mark[6], "1", "one turn, across the restart")
    XCTAssertGreaterThanOrEqual(Int(mark[5]) ?? 0, 1, "Mark's turn lasted at least the second waited")
    XCTAssertEqual(Set(lines.dropFirst().map { String($0[1]) }), ["amina", "samir", "helen", "mark"])
    let table = try daemon.cli(["report", "workload", "--data-dir", daemon.dataDirectory])
    XCTAssertTrue(table.out.contains("Mark Sutton"), table.out)
  }

  func testBoothRefusalsAreTypedAndChangeNothing() async throws {
    let daemon = try DaemonProcess()
    let console = daemon.client()
    defer { console.stop() }
    let taken = try daemon.cli(["send", "plenary", TakeMicrophone.name, "booth=ar", "interpreter=amina"])
    XCTAssertEqual(taken.status, 0, taken.err)
    XCTAssertTrue(taken.out.contains("turnStarted"), taken.out)
    let refused = try daemon.cli(["send", "plenary", AssignTeam.name, "booth=ar", #"interpreters=["samir"]"#])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.err.contains("hand over before leaving the team"), refused.err)
    let before = try await snapshot(console)

    let cases: [(any Command, ErrorCode, String)] = [
      (RequestHandover(booth: "ar", to: "helen"), .invalidArgument, "'helen' is not in booth 'ar''s team"),
      (TakeMicrophone(booth: "fr", interpreter: "amina"), .unknownBooth, "no booth 'fr' in room 'plenary'"),
      (SetFloorLanguage(language: "de"), .invalidArgument, "'de' is not a language of this conference"),
      (AcceptHandover(booth: "ar"), .notAllowedInState, "no handover was asked"),
      (MessageChief(booth: "ar", text: String(repeating: "x", count: 300)), .invalidArgument, "at most 280"),
    ]
    for (command, code, words) in cases {
      do {
        try await console.send(RoomCommand(command, in: "plenary"))
        XCTFail("\(command) was accepted")
      } catch PodiumClientError.refused(let failure) {
        XCTAssertEqual(failure.code, code, "\(command)")
        XCTAssertTrue(failure.message.contains(words), "\(failure.message)")
      }
    }
    let after = try await snapshot(console)
    XCTAssertEqual(after.seq, before.seq)
    XCTAssertEqual(
      try after.entries.first?.value.decode(RoomStatus.self).state,
      try before.entries.first?.value.decode(RoomStatus.self).state)
  }

  private func snapshot(_ client: PodiumClient) async throws -> Reply.Snapshot {
    try await client.request(
      .object(["type": .string("snapshot"), "id": .string("s"), "prefix": .string("room/plenary")]),
      as: Reply.Snapshot.self)
  }
}
