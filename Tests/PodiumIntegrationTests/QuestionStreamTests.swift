import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import XCTest

/// Questions against the real daemon: one topic per question in the room's `qa/` stream,
/// and events that change two streams (the room's screen and its questions) at one seq.
final class QuestionStreamTests: XCTestCase {
  func testAQuestionOnScreenReachesTheRoomAndItsQuestionsAtOneSeqAlsoAfterARestart() async throws {
    let daemon = try DaemonProcess()
    var moderator = daemon.client(prefixes: ["qa/plenary"])
    let door = daemon.client(prefixes: ["room/plenary"])
    defer { door.stop() }
    try await moderator.send(RoomCommand(StartSession(session: "opening"), in: "plenary"))
    try await moderator.send(
      RoomCommand(
        SubmitQuestion(question: "q1", text: "<b>Qui</b> finance ?", name: nil, language: "fr", device: "d1"),
        in: "plenary"))
    try await moderator.send(RoomCommand(ApproveQuestion(question: "q1", text: nil, by: "Salma"), in: "plenary"))
    try await moderator.send(RoomCommand(VoteQuestion(question: "q1", device: "d2"), in: "plenary"))
    let shown = try await moderator.send(RoomCommand(ShowQuestion(question: "q1", by: "Salma"), in: "plenary"))

    await eventually("the door shows the question, the moderator sees it on screen") {
      door.view.rooms["plenary"]?.questionOnScreen?.text == "<b>Qui</b> finance ?"
        && moderator.view.topics["qa/plenary"]?.object?["onScreen"] == .string("q1")
    }
    let question = try XCTUnwrap(moderator.view.topics["qa/plenary/q1"]?.decode(Question.self))
    XCTAssertEqual(question.votes, 1)
    XCTAssertEqual(question.state, .approved)
    XCTAssertNil(door.view.topics["qa/plenary/q1"], "the door follows only its room")

    moderator.stop()
    daemon.kill(signal: SIGKILL)
    try daemon.start()
    moderator = daemon.client(prefixes: ["qa/plenary"])
    defer { moderator.stop() }
    let snapshot: Reply.Snapshot = try await moderator.request(
      .object(["type": .string("snapshot"), "id": .string("s"), "prefix": .string("")]), as: Reply.Snapshot.self)
    XCTAssertEqual(snapshot.heads["room/plenary"], shown.seq, "the room's stream ends at the shown question")
    XCTAssertEqual(snapshot.heads["qa/plenary"], shown.seq)
    XCTAssertEqual(
      snapshot.entries.map(\.topic).filter { $0.hasPrefix("qa/plenary") }, ["qa/plenary", "qa/plenary/q1"])
    await eventually("the door follows the restarted daemon without a gap") {
      door.view.connected && door.view.seq >= shown.seq
    }

    let report = try daemon.cli(["report", "questions", "--csv", "--data-dir", daemon.dataDirectory])
    XCTAssertEqual(report.status, 0, report.err)
    let rows = report.out.split(separator: "\r\n")
    XCTAssertEqual(rows.count, 2, report.out)
    XCTAssertTrue(rows[1].hasPrefix("plenary,opening,q1,"), String(rows[1]))
    XCTAssertTrue(rows[1].contains(",approved,1,fr,,<b>Qui</b> finance ?,"), String(rows[1]))
    for step in ["questionSubmitted", "questionApproved by Salma", "questionShown by Salma"] {
      XCTAssertTrue(rows[1].contains(step), "\(step) in \(rows[1])")
    }
    let none = try daemon.cli(["report", "questions", "--session", "panel", "--data-dir", daemon.dataDirectory])
    XCTAssertEqual(none.out, "(no questions)\n")
  }
}
