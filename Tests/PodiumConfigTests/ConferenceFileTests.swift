import PodiumConfig
import PodiumCore
import XCTest

final class ConferenceFileTests: XCTestCase {
  private let valid = """
    conference:
      id: rabat
      name: Conférence
      timeZone: Africa/Casablanca
      languages:
        - {code: ar, name: العربية}
        - {code: fr, name: Français}
    rooms:
      - id: plenary
        name: Plénière
        names: {ar: القاعة الكبرى}
        booths:
          - id: ar
            language: ar
            channel: 1
            from: [fr]
            retour: true
            interpreters:
              - {id: amina, name: أمينة}
    sessions:
      - id: opening
        room: plenary
        title: الافتتاح
        titles: {fr: Ouverture}
        start: 2026-06-25 09:00
        end: 2026-06-25 09:45
        language: ar
        speakers:
          - {name: أمينة بنعلي, language: ar, affiliation: وزارة التضامن}
      - id: panel
        room: plenary
        title: Panel
        start: 2026-06-25 10:00
        duration: 1h30m

    """

  private func error(in text: String) -> ConfigError? {
    do {
      _ = try ConferenceFile.parse(text, file: "c.yaml")
      return nil
    } catch {
      return error as? ConfigError
    }
  }

  func testAValidFileLoadsWithLocalTimesInTheConferenceTimeZone() throws {
    let conference = try ConferenceFile.parse(valid, file: "c.yaml")
    XCTAssertEqual(conference.rooms.first?.booths.first?.interpreters.first?.name, "أمينة")
    XCTAssertEqual(conference.rooms.first?.name(in: "ar"), "القاعة الكبرى")
    let opening = try XCTUnwrap(conference.session("opening"))
    // Casablanca is UTC+1 in June: 09:00 local is 08:00 UTC.
    XCTAssertEqual(PodiumJSON.formatInstant(opening.plannedStart), "2026-06-25T08:00:00.000Z")
    XCTAssertEqual(opening.speakers.first?.affiliation, "وزارة التضامن")
    XCTAssertEqual(conference.session("panel")?.plannedDuration, 5400)
  }

  func testSyntaxErrorsNameTheLine() {
    let broken = valid.replacingOccurrences(of: "  name: Conférence", with: "  name: [Conférence")
    let error = error(in: broken)
    XCTAssertNotNil(error?.line)
    XCTAssertTrue(error?.message.contains("YAML") ?? false)
  }

  func testAnUnknownRoomNamesItsLineAndTheKnownRooms() {
    let broken = valid.replacingOccurrences(
      of: "    room: plenary\n    title: Panel", with: "    room: hall\n    title: Panel")
    let error = error(in: broken)
    XCTAssertEqual(error?.line, 31)
    XCTAssertTrue(error?.message.contains("'hall'") ?? false, error?.message ?? "")
    XCTAssertTrue(error?.message.contains("plenary") ?? false)
  }

  func testUnknownKeysAndLanguagesAreRefused() {
    XCTAssertEqual(error(in: valid.replacingOccurrences(of: "    retour: true", with: "    retur: true"))?.line, 17)
    let language = error(
      in: valid.replacingOccurrences(of: "language: ar, affiliation", with: "language: en, affiliation"))
    XCTAssertEqual(language?.line, 29)
    XCTAssertTrue(language?.message.contains("'en'") ?? false)
  }

  func testTimesMustBeConsistent() {
    let backwards = valid.replacingOccurrences(of: "end: 2026-06-25 09:45", with: "end: 2026-06-25 08:45")
    XCTAssertEqual(error(in: backwards)?.line, 26)
    let overlap = valid.replacingOccurrences(of: "start: 2026-06-25 10:00", with: "start: 2026-06-25 09:30")
    XCTAssertTrue(error(in: overlap)?.message.contains("starts before") ?? false)
    let badTime = valid.replacingOccurrences(of: "start: 2026-06-25 10:00", with: "start: tomorrow")
    XCTAssertEqual(error(in: badTime)?.line, 33)
  }

  func testAnIdentifierMessageNamesTheRuleItBreaks() {
    let long = String(repeating: "x", count: 73)
    let tooLong = error(in: valid.replacingOccurrences(of: "id: panel", with: "id: \(long)"))
    XCTAssertEqual(tooLong?.line, 30)
    XCTAssertTrue(tooLong?.message.contains("1 to 64") ?? false, tooLong?.message ?? "")
    XCTAssertTrue(tooLong?.message.contains("has 73 characters") ?? false, tooLong?.message ?? "")
    let upper = error(in: valid.replacingOccurrences(of: "id: panel", with: "id: Panel-2"))
    XCTAssertTrue(upper?.message.contains("'P' at character 1") ?? false, upper?.message ?? "")
  }

  func testATitleIsKeptAsWritten() throws {
    let spaced = valid.replacingOccurrences(of: "title: Panel", with: "title: \"  Panel  &amp; <b>co</b> \"")
    XCTAssertEqual(
      try ConferenceFile.parse(spaced, file: "c.yaml").session("panel")?.title, "  Panel  &amp; <b>co</b> ")
    XCTAssertTrue(
      error(in: valid.replacingOccurrences(of: "title: Panel", with: "title: \"  \""))?.message
        .contains("must not be empty") ?? false)
  }

  func testDuplicatesAreRefused() {
    let duplicateSession = valid.replacingOccurrences(of: "id: panel", with: "id: opening")
    XCTAssertTrue(error(in: duplicateSession)?.message.contains("used twice") ?? false)
    let unknownZone = valid.replacingOccurrences(of: "Africa/Casablanca", with: "Africa/Atlantis")
    XCTAssertEqual(error(in: unknownZone)?.line, 4)
  }

  func testAQuestionsLinkMustBeAWebAddress() throws {
    let withLink = valid.replacingOccurrences(
      of: "    names: {ar: القاعة الكبرى}",
      with: "    names: {ar: القاعة الكبرى}\n    questions: https://q.example/plenary")
    XCTAssertEqual(
      try ConferenceFile.parse(withLink, file: "c.yaml").rooms[0].questionsURL, "https://q.example/plenary")
    let bad = withLink.replacingOccurrences(of: "https://q.example/plenary", with: "javascript:alert(1)")
    XCTAssertEqual(error(in: bad)?.line, 12)
  }

  func testErrorsReadLikeCompilerDiagnostics() {
    XCTAssertEqual(
      ConfigError(file: "c.yaml", line: 3, column: 7, message: "oops").description, "c.yaml:3:7: oops")
  }

  func testSpeakingTimesAreMinutesRefusedWhenAbsurdAndWarnedWhenTooMany() throws {
    let panel = valid.replacingOccurrences(
      of: "    duration: 1h30m\n",
      with:
        "    duration: 1h30m\n    speakers:\n      - {name: Nadia, minutes: 7.5}\n      - {name: Omar, minutes: 85}\n")
    let conference = try ConferenceFile.parse(panel, file: "c.yaml")
    XCTAssertEqual(conference.session("panel")?.speakers.map { $0.speakingTime }, [450, 5100])
    XCTAssertEqual(conference.speakingTimeWarnings.count, 1)  // 92.5 min in 90
    XCTAssertTrue(conference.speakingTimeWarnings[0].contains("'panel'"), conference.speakingTimeWarnings[0])
    let written = try ConferenceFile.parse(try ConferenceFile.yaml(conference), file: "again.yaml")
    XCTAssertEqual(written.session("panel")?.speakers, conference.session("panel")?.speakers)
    for bad in ["-3", "0", "600", "seven"] {
      let refused = error(in: panel.replacingOccurrences(of: "minutes: 7.5", with: "minutes: \(bad)"))
      XCTAssertEqual(refused?.line, 36, bad)  // Nadia's line
    }
  }

  func testRollTimerKindsAndEndActionsAreReadWrittenAndNamed() throws {
    let rolling = valid.replacingOccurrences(of: "    name: Plénière\n", with: "    name: Plénière\n    roll: true\n")
      .replacingOccurrences(
        of: "    duration: 1h30m\n", with: "    duration: 1h30m\n    timer: countUp\n    endAction: startNext\n")
    let conference = try ConferenceFile.parse(rolling, file: "c.yaml")
    XCTAssertEqual(conference.rooms.first?.roll, true)
    XCTAssertEqual(conference.session("panel")?.timerKind, .countUp)
    XCTAssertEqual(conference.session("panel")?.endAction, .startNext)
    XCTAssertNil(conference.session("opening")?.endAction)
    XCTAssertEqual(try ConferenceFile.parse(try ConferenceFile.yaml(conference), file: "again.yaml"), conference)
    let wrong = error(in: rolling.replacingOccurrences(of: "endAction: startNext", with: "endAction: playNext"))
    XCTAssertTrue(wrong?.message.contains("none, loadNext, startNext") ?? false, wrong?.message ?? "")
    XCTAssertNotNil(error(in: rolling.replacingOccurrences(of: "roll: true", with: "roll: sometimes"))?.line)
  }
}

final class ConferenceFileWritingTests: XCTestCase {
  func testAWrittenFileReadsBackToTheSameConference() throws {
    let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("config/conferences/rabat-2026.yaml").path
    let conference = try ConferenceFile.load(path: demo)
    let yaml = try ConferenceFile.yaml(conference)
    XCTAssertEqual(try ConferenceFile.parse(yaml, file: "written.yaml"), conference)
    XCTAssertTrue(yaml.contains("القاعة الكبرى"), "Arabic is written as text, not escaped")
  }
}
