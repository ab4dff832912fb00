import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

/// The daemon's encoder for topic values writes what Foundation's would, on a real demo day.
final class RoomValueEncodingTests: XCTestCase {
  /// The state the schema-2 golden log (a recorded demo day) replays to.
  private func demoDay() throws -> ConferenceState {
    try PodiumJSON.decoder().decode(
      ConferenceState.self,
      from: Data(
        contentsOf: RepositoryFiles.root.appendingPathComponent("Tests/Fixtures/EventLogs/schema-2/state.json")))
  }

  private func assertSameJSON<T: Encodable>(
    _ value: T, _ encoder: inout JSONBytesEncoder, _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let expected = JSONValue(parsing: Array(try PodiumJSON.encoder().encode(value)))
    XCTAssertNotNil(expected, what, file: file, line: line)
    XCTAssertEqual(JSONValue(parsing: try encoder.encode(value)), expected, what, file: file, line: line)
  }

  func testEveryTopicValueOfADemoDayIsWhatFoundationWrites() throws {
    let state = try demoDay()
    let conference = try XCTUnwrap(state.conference)
    var encoder = JSONBytesEncoder()
    try assertSameJSON(conference, &encoder, "the conference")
    try assertSameJSON(state, &encoder, "the whole state (a checkpoint)")
    let instants = conference.sessions.map { $0.plannedStart.addingTimeInterval(600) }
    for room in conference.rooms {
      for now in instants {
        // Twice: the second time the sessions and the room come from the fragments.
        for pass in ["first", "second"] {
          try assertSameJSON(
            RoomStatus(room: room, conference: conference, state: state, at: now), &encoder,
            "\(room.id) at \(now), \(pass) pass")
        }
      }
      try assertSameJSON(QuestionBoardStatus(room: room.id, state: state), &encoder, "board of \(room.id)")
      for question in state.board(room.id).questions.values {
        try assertSameJSON(question, &encoder, "question \(question.id)")
      }
    }
    XCTAssertFalse(encoder.fragments.isEmpty)
  }

  func testAFragmentIsReusedOnlyForAnEqualValue() throws {
    let state = try demoDay()
    var conference = try XCTUnwrap(state.conference)
    let room = try XCTUnwrap(conference.rooms.first { !conference.sessions(in: $0.id).isEmpty })
    let now = try XCTUnwrap(conference.sessions(in: room.id).first).plannedStart
    var encoder = JSONBytesEncoder()
    _ = try encoder.encode(RoomStatus(room: room, conference: conference, state: state, at: now))
    // The same ids, other titles and another room name: nothing remembered may show.
    for index in conference.sessions.indices where conference.sessions[index].roomId == room.id {
      conference.sessions[index].title += " (moved)"
    }
    var renamed = room
    renamed.name += " B"
    let value = RoomStatus(room: renamed, conference: conference, state: state, at: now)
    let text = String(decoding: try encoder.encode(value), as: UTF8.self)
    XCTAssertTrue(text.contains("(moved)"), "a session remembered before its title changed was reused")
    XCTAssertTrue(text.contains("\(renamed.name)"), "the room remembered before its name changed was reused")
    try assertSameJSON(value, &encoder, "after the programme changed")
  }
}
