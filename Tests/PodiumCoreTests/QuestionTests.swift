import Foundation
import PodiumCore
import XCTest

/// The life of an audience question: asked, held, approved, voted, merged, shown, answered.
final class QuestionTests: XCTestCase {
  static let conference: Conference = {
    var conference = Fixtures.conference
    conference.moderation = ModerationRules(maximumLength: 100, blocklist: ["fr": ["arnaque"], "*": ["spam"]])
    return conference
  }()

  var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: QuestionTests.conference)))

  private func run(_ command: any Command, at minutes: Double = 1) throws {
    for event in try state.decide(RoomCommand(command, in: "plenary"), at: Fixtures.at(minutes: minutes)) {
      state.apply(event)
    }
  }

  private func rejection(_ command: any Command) -> CommandRejection? {
    do {
      _ = try state.decide(RoomCommand(command, in: "plenary"), at: Fixtures.at(minutes: 1))
      return nil
    } catch {
      return error as? CommandRejection
    }
  }

  private var board: QuestionBoard { state.board("plenary") }

  private func ask(_ id: String, _ text: String, device: String = "d1", language: String? = nil) throws {
    try run(SubmitQuestion(question: id, text: text, name: nil, language: language, device: device))
  }

  func testAQuestionIsPendingUntilApprovedAndOnlyThenTakesVotesOncePerDevice() throws {
    try run(RoomCommand(StartSession(), in: "plenary"))
    try ask("q1", "  Quel financement pour le soin ?  ", language: "fr")
    XCTAssertEqual(board.questions["q1"]?.state, .pending)
    XCTAssertEqual(board.questions["q1"]?.text, "Quel financement pour le soin ?")
    XCTAssertEqual(board.questions["q1"]?.session, "opening")
    XCTAssertEqual(rejection(VoteQuestion(question: "q1", device: "d2"))?.reason, .notAllowedInState)
    try run(ApproveQuestion(question: "q1", text: nil, by: "Salma"))
    try run(VoteQuestion(question: "q1", device: "d2"))
    try run(VoteQuestion(question: "q1", device: "d2"))
    try run(VoteQuestion(question: "q1", device: "d3"))
    XCTAssertEqual(board.questions["q1"]?.votes, 2)
  }

  private func run(_ command: RoomCommand) throws {
    for event in try state.decide(command, at: Fixtures.at(minutes: 0)) { state.apply(event) }
  }

  func testEditThenApproveRecordsBothWithTheModerator() throws {
    try ask("q1", "quel finacement ?")
    let events = try state.decide(
      RoomCommand(ApproveQuestion(question: "q1", text: "Quel financement ?", by: "Salma"), in: "plenary"),
      at: Fixtures.at(minutes: 2))
    XCTAssertEqual(events.map(\.type), ["questionEdited", "questionApproved"])
    XCTAssertEqual(events.map(\.moderator), ["Salma", "Salma"])
  }

  func testBadInputIsRefusedWithTheFieldAtFault() throws {
    XCTAssertEqual(
      rejection(SubmitQuestion(question: "q1", text: "   ", name: nil, language: nil, device: "d"))?.field, "text")
    let long = rejection(
      SubmitQuestion(question: "q1", text: String(repeating: "ب", count: 101), name: nil, language: nil, device: "d"))
    XCTAssertEqual(long?.field, "text")
    XCTAssertTrue(long?.message.contains("at most 100") ?? false)
    XCTAssertEqual(
      rejection(SubmitQuestion(question: "q 1", text: "x", name: nil, language: nil, device: "d"))?.field, "question")
    XCTAssertEqual(
      rejection(SubmitQuestion(question: "q1", text: "x", name: nil, language: "de", device: "d"))?.field, "language")
    try ask("q1", "x")
    XCTAssertEqual(
      rejection(SubmitQuestion(question: "q1", text: "y", name: nil, language: nil, device: "d"))?.field, "question",
      "the argument is 'question' (docs/PROTOCOL.md §6)")
    XCTAssertEqual(
      rejection(ShowQuestion(question: "q1", by: "m"))?.reason, .notAllowedInState,
      "pending questions never go on screen")
    XCTAssertEqual(rejection(MergeQuestion(question: "q1", into: "q1", by: "m"))?.field, "into")
    XCTAssertEqual(rejection(VoteQuestion(question: "nope", device: "d"))?.field, "question")
  }

  func testTheBlocklistHoldsAQuestionWithItsReasonAndArabicIsRecognised() throws {
    try ask("q1", "C'est une ARNAQUE !", language: "fr")
    XCTAssertEqual(board.questions["q1"]?.held, "contains «arnaque» (blocklist fr)")
    try ask("q2", "ما هو دور الدولة في اقتصاد الرعاية؟")
    XCTAssertEqual(board.questions["q2"]?.language, "ar")
    XCTAssertNil(board.questions["q2"]?.held)
    try ask("q3", "buy spam now")
    XCTAssertEqual(board.questions["q3"]?.held, "contains «spam» (blocklist *)")
  }

  func testMergingAddsTheVotesOfDevicesThatHadNotVotedAndKeepsTheDuplicate() throws {
    try ask("q1", "Financement ?")
    try ask("q2", "Qui finance ?", device: "d2")
    try run(ApproveQuestion(question: "q1", text: nil, by: "m"))
    try run(ApproveQuestion(question: "q2", text: nil, by: "m"))
    for device in ["a", "b"] { try run(VoteQuestion(question: "q1", device: device)) }
    for device in ["b", "c", "d"] { try run(VoteQuestion(question: "q2", device: device)) }
    try run(MergeQuestion(question: "q2", into: "q1", by: "m"))
    XCTAssertEqual(board.questions["q1"]?.votes, 4, "a, b, c, d")
    XCTAssertEqual(board.questions["q2"]?.state, .merged)
    XCTAssertEqual(board.questions["q2"]?.text, "Qui finance ?")
    XCTAssertEqual(board.questions["q2"]?.mergedInto, "q1")
    XCTAssertEqual(rejection(EditQuestion(question: "q2", text: "x", by: "m"))?.reason, .notAllowedInState)
  }

  func testOnScreenAnsweredAndRestored() throws {
    try ask("q1", "Un")
    try ask("q2", "Deux")
    try run(ApproveQuestion(question: "q1", text: nil, by: "m"))
    try run(ApproveQuestion(question: "q2", text: nil, by: "m"))
    try run(SetNextQuestion(question: "q2", by: "m"))
    try run(ShowQuestion(question: "q1", by: "m"))
    XCTAssertEqual(board.onScreen, "q1")
    try run(ShowQuestion(question: "q2", by: "m"))
    XCTAssertEqual(board.onScreen, "q2")
    XCTAssertNil(board.nextUp, "the next question went on screen")
    let answered = try state.decide(
      RoomCommand(AnswerQuestion(question: "q2", by: "m"), in: "plenary"), at: Fixtures.at(minutes: 3))
    XCTAssertEqual(answered.map(\.type), ["questionHidden", "questionAnswered"])
    answered.forEach { state.apply($0) }
    XCTAssertNil(board.onScreen)
    XCTAssertEqual(board.questions["q2"]?.state, .answered)
    try run(RestoreQuestion(question: "q2", by: "m"))
    XCTAssertEqual(board.questions["q2"]?.state, .approved)
  }

  func testBanningADeviceDismissesItsPendingQuestionsAndStopsIt() throws {
    try ask("q1", "Un", device: "troll")
    try ask("q2", "Deux", device: "troll")
    try ask("q3", "Trois", device: "good")
    try run(ApproveQuestion(question: "q2", text: nil, by: "m"))
    let events = try state.decide(
      RoomCommand(BanDevice(device: "troll", by: "m"), in: "plenary"), at: Fixtures.at(minutes: 2))
    XCTAssertEqual(events.map(\.type), ["deviceBanned", "questionDismissed"])
    events.forEach { state.apply($0) }
    XCTAssertEqual(board.questions["q1"]?.state, .dismissed)
    XCTAssertEqual(board.questions["q2"]?.state, .approved, "approved questions stay")
    XCTAssertEqual(
      rejection(SubmitQuestion(question: "q4", text: "encore", name: nil, language: nil, device: "troll"))?.reason,
      .notAllowedInState)
    XCTAssertEqual(rejection(VoteQuestion(question: "q2", device: "troll"))?.reason, .notAllowedInState)
  }

  func testIntakePausedOrClosedRefusesQuestionsAndReopensWithTheNextSession() throws {
    try run(SetIntake(intake: .paused, by: "m"))
    XCTAssertTrue(
      rejection(SubmitQuestion(question: "q1", text: "x", name: nil, language: nil, device: "d"))?.message.contains(
        "paused")
        ?? false)
    try run(SetIntake(intake: .closed, by: "m"))
    XCTAssertTrue(
      rejection(SubmitQuestion(question: "q1", text: "x", name: nil, language: nil, device: "d"))?.message.contains(
        "closed")
        ?? false)
    try run(RoomCommand(StartSession(), in: "plenary"))
    XCTAssertEqual(board.intake, .open)
  }

  func testReplayRebuildsTheSameBoard() throws {
    var events: [AnyEvent] = [AnyEvent(ConferenceLoaded(conference: Self.conference))]
    var live = ConferenceState.replaying(events)
    let commands: [any Command] = [
      SubmitQuestion(question: "q1", text: "Un", name: "Nadia", language: "fr", device: "d1"),
      ApproveQuestion(question: "q1", text: nil, by: "m"),
      VoteQuestion(question: "q1", device: "d2"), StarQuestion(question: "q1", starred: true, by: "m"),
      TagQuestion(question: "q1", tags: [" budget ", ""], by: "m"),
      ShowQuestion(question: "q1", by: "m"),
    ]
    for command in commands {
      let new = try live.decide(RoomCommand(command, in: "plenary"), at: Fixtures.at(minutes: 1))
      new.forEach { live.apply($0) }
      events += new
    }
    XCTAssertEqual(ConferenceState.replaying(events), live)
    XCTAssertEqual(live.board("plenary").questions["q1"]?.tags, ["budget"])
    XCTAssertEqual(live.board("plenary").questions["q1"]?.name, "Nadia")
  }
}
