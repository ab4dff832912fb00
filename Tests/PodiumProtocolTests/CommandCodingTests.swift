import PodiumCore
import PodiumProtocol
import XCTest

final class CommandCodingTests: XCTestCase {
  private func refusal(_ name: String, _ args: [String: JSONValue]) -> ProtocolError? {
    do {
      _ = try CommandCoding.decode(name: name, room: "plenary", args: args)
      return nil
    } catch {
      return error as? ProtocolError
    }
  }

  func testEveryDeclaredCommandRoundTripsThroughTheWire() throws {
    for type in CommandCatalogue.all {
      let command = RoomCommand(ArgumentSchema.sample(type), in: "plenary")
      let (name, room, args) = CommandCoding.encode(command)
      XCTAssertEqual(name, type.name)
      XCTAssertEqual(Set(args.keys).subtracting(type.argumentNames), [], "\(name) writes only its own arguments")
      XCTAssertEqual(try CommandCoding.decode(name: name, room: room, args: args), command, name)
    }
  }

  func testUnknownArgumentsAreRefusedByNameFirstInAlphabeticalOrder() {
    let error = refusal(AddTime.name, ["seconds": .number(60), "zeta": .null, "minutes": .number(1)])
    XCTAssertEqual(error?.code, .invalidArgument)
    XCTAssertEqual(error?.field, "minutes")
    XCTAssertEqual(error?.message, "unknown field 'minutes' in the args of 'addTime' (known: seconds)")
    XCTAssertEqual(
      refusal(PauseSession.name, ["x": .bool(true)])?.message, "unknown field 'x' in the args of 'pause' (known: none)")
  }

  func testArgumentsOfTheWrongTypeOrMissingAreRefusedByName() {
    XCTAssertEqual(
      refusal(AddTime.name, ["seconds": .string("5")])?.message, "'seconds' in the args of 'addTime' must be a number")
    XCTAssertEqual(refusal(AddTime.name, [:])?.message, "'seconds' is required in the args of 'addTime'")
    XCTAssertEqual(refusal(AddTime.name, ["seconds": .null])?.field, "seconds", "null counts as absent")
    let tags = refusal(TagQuestion.name, ["question": .string("q"), "by": .string("m"), "tags": .array([.number(1)])])
    XCTAssertEqual(tags?.field, "tags")
    XCTAssertEqual(tags?.message, "'tags' in the args of 'tagQuestion' must be an array of strings")
    XCTAssertEqual(
      refusal(TagQuestion.name, ["question": .string("q"), "by": .string("m"), "tags": .string("a")])?.message,
      "'tags' in the args of 'tagQuestion' must be an array of strings")
    XCTAssertEqual(
      refusal(SetIntake.name, ["intake": .string("shut"), "by": .string("m")])?.message,
      "'intake' in the args of 'setIntake' must be open, paused or closed (got 'shut')")
    XCTAssertEqual(refusal(Cough.name, ["booth": .string("en"), "muted": .string("yes")])?.field, "muted")
  }

  func testOptionalArgumentsMayBeAbsentOrNullAndDefaultsApply() throws {
    XCTAssertEqual(
      try CommandCoding.decode(name: SetFloorLanguage.name, room: "p", args: ["language": .null]),
      RoomCommand(SetFloorLanguage(language: nil), in: "p"))
    XCTAssertEqual(
      try CommandCoding.decode(name: Cough.name, room: "p", args: ["booth": .string("en")]),
      RoomCommand(Cough(booth: "en", muted: true), in: "p"))
    XCTAssertEqual(
      try CommandCoding.decode(name: ShowMessage.name, room: "p", args: ["blackout": .bool(true)]),
      RoomCommand(ShowMessage(text: "", blink: false, blackout: true), in: "p"))
    XCTAssertEqual(
      try CommandCoding.decode(name: StartSession.name, room: "p", args: [:]), RoomCommand(StartSession(), in: "p"))
  }

  func testAnUnknownCommandIsNamedWithEveryKnownOne() {
    let error = refusal("explode", [:])
    XCTAssertEqual(error?.code, .unknownCommand)
    XCTAssertEqual(error?.field, "command")
    for name in CommandCatalogue.names { XCTAssertTrue(error?.message.contains(name) ?? false, name) }
  }

  func testRequestsAreWrittenFromTheirTypesAndReadBack() throws {
    let envelopes = [
      RequestEnvelope(id: "h", request: .hello, client: "test"),
      RequestEnvelope(id: "c", request: .clock),
      RequestEnvelope(id: "s", request: .snapshot(prefix: "room/")),
      RequestEnvelope(id: "e", request: .events(after: 12, limit: 50)),
      RequestEnvelope.command(RoomCommand(TakeMicrophone(booth: "ar", interpreter: "amina"), in: "plenary"), id: "k"),
    ]
    for envelope in envelopes {
      let (id, result) = RequestEnvelope.parse(envelope.bytes)
      XCTAssertEqual(id, envelope.id)
      XCTAssertEqual(try result.get(), envelope)
    }
  }
}
