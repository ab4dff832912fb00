import PodiumCore
import PodiumProtocol
import XCTest

final class ArgumentSchemaTests: XCTestCase {
  func testTheSchemaIsReadOffTheCommandsOwnDecoding() {
    XCTAssertEqual(
      ArgumentSchema.of(Cough.self).arguments,
      [.init(name: "booth", type: "string", required: true), .init(name: "muted", type: "boolean", required: false)])
    XCTAssertEqual(ArgumentSchema.of(EndSession.self).arguments, [])
    XCTAssertEqual(
      ArgumentSchema.of(SetIntake.self).arguments.first,
      .init(name: "intake", type: #""open" | "paused" | "closed""#, required: true))
    XCTAssertEqual(
      ArgumentSchema.of(AssignTeam.self).arguments.last,
      .init(name: "interpreters", type: "array of strings", required: true))
  }

  func testEveryArgumentOfEveryCommandIsInItsSchema() {
    for type in CommandCatalogue.all {
      XCTAssertEqual(ArgumentSchema.of(type).arguments.map(\.name), type.argumentNames, type.name)
    }
  }
}
