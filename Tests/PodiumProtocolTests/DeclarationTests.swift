import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

/// Each command is written out once: its declaration is the only Swift file that names it.
final class DeclarationTests: XCTestCase {
  /// Files where `start` and `end` are other words than the commands: the conference file's
  /// and schedules' session fields, the programme diff's field names, the CLI's subcommands.
  static let otherMeanings: [String: Set<String>] = [
    StartSession.name: [
      "Sources/PodiumConfig/ConferenceFile.swift", "Sources/PodiumConfig/ConferenceFile+Writing.swift",
      "Sources/PodiumCore/Views/ProgrammeDiff.swift", "Sources/PodiumImport/FrabJSONReader.swift",
      "Sources/PodiumImport/FrabXMLReader.swift", "Tests/PodiumImportTests/ScheduleImportTests.swift",
      "Tests/PodiumIntegrationTests/CLITests.swift",
    ],
    EndSession.name: [
      "Sources/PodiumConfig/ConferenceFile.swift", "Sources/PodiumConfig/ConferenceFile+Writing.swift",
      "Sources/PodiumCore/Views/ProgrammeDiff.swift", "Tests/PodiumCoreTests/DecideTests.swift",
      "Tests/PodiumIntegrationTests/CLITests.swift",
    ],
  ]

  func testEveryWireCommandNameIsAStringLiteralInExactlyOneSwiftFile() throws {
    let files = RepositoryFiles.swiftFiles(in: ["Sources", "plugins", "Tests"])
    XCTAssertGreaterThan(files.count, 100)
    let literal = try NSRegularExpression(pattern: #""((?:[^"\\\n]|\\.)*)""#)
    var named: [String: Set<String>] = [:]
    for (path, text) in files {
      let range = NSRange(text.startIndex..., in: text)
      for match in literal.matches(in: text, range: range) {
        guard let inner = Range(match.range(at: 1), in: text) else { continue }
        named[String(text[inner]), default: []].insert(path)
      }
    }
    for type in CommandCatalogue.all {
      let places = (named[type.name] ?? []).subtracting(Self.otherMeanings[type.name] ?? [])
      XCTAssertEqual(places.count, 1, "'\(type.name)' is written in \(places.sorted())")
      XCTAssertTrue(places.first?.hasSuffix("/\(String(describing: type)).swift") ?? false, "\(places)")
    }
  }

  func testCommandAndEventNamesAreUniqueAndEveryEventHasItsOwnFile() {
    XCTAssertEqual(Set(CommandCatalogue.names).count, CommandCatalogue.all.count)
    XCTAssertEqual(Set(EventCatalogue.all.map { $0.type }).count, EventCatalogue.all.count)
    let files = Set(
      RepositoryFiles.swiftFiles(in: ["Sources/PodiumCore/Events"]).keys.map { ($0 as NSString).lastPathComponent })
    for type in EventCatalogue.all {
      XCTAssertTrue(files.contains("\(String(describing: type)).swift"), type.type)
      XCTAssertFalse(type.topics.isEmpty, type.type)
    }
  }

  func testEachRoleMaySendTheCommandsOfItsSenders() {
    let booth = Peer(name: "booth-en", role: .booth, booths: ["plenary/en"])
    XCTAssertNil(booth.refusal(of: RoomCommand(Cough(booth: "en"), in: "plenary")))
    XCTAssertNotNil(booth.refusal(of: RoomCommand(Cough(booth: "ar"), in: "plenary")))
    XCTAssertNotNil(booth.refusal(of: RoomCommand(ClearSlowDown(), in: "plenary")), "a scoped key acts for its booth")
    XCTAssertNotNil(booth.refusal(of: RoomCommand(EndSession(), in: "plenary")))
    let qa = Peer(name: "qa", role: .qa, rooms: ["plenary"])
    XCTAssertNil(qa.refusal(of: RoomCommand(HideQuestion(by: "m"), in: "plenary")))
    XCTAssertNotNil(qa.refusal(of: RoomCommand(HideQuestion(by: "m"), in: "atlas")))
    let display = Peer(name: "screens", role: .display)
    for type in CommandCatalogue.all {
      XCTAssertNotNil(display.refusal(of: RoomCommand(ArgumentSchema.sample(type), in: "plenary")), type.name)
      XCTAssertNil(
        Peer(name: "crew", role: .operator).refusal(of: RoomCommand(ArgumentSchema.sample(type), in: "plenary")))
    }
  }
}
