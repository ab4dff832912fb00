import Foundation
import PodiumCore
import XCTest

/// Booths: relay derivation, turns and handovers, workload and working-condition alerts.
final class InterpretationTests: XCTestCase {
  // Floor ar: fr and en… en has no Arabic, so it relays fr (+); de relays en (−); zh takes only ru.
  static let booths = [
    Booth(
      id: "ar", language: "ar", channel: 1, sourceLanguages: ["fr", "en"], retour: true,
      interpreters: [Interpreter(id: "amina", name: "أمينة"), Interpreter(id: "samir", name: "سمير")]),
    Booth(
      id: "fr", language: "fr", channel: 2, sourceLanguages: ["ar", "en"],
      interpreters: [Interpreter(id: "vero", name: "Véro"), Interpreter(id: "pierre", name: "Pierre")]),
    Booth(
      id: "en", language: "en", channel: 3, sourceLanguages: ["fr"],
      interpreters: [Interpreter(id: "helen", name: "Helen"), Interpreter(id: "mark", name: "Mark")]),
    Booth(
      id: "de", language: "de", channel: 4, sourceLanguages: ["en"], interpreters: [Interpreter(id: "jan", name: "Jan")]
    ),
  ]

  static let conference = Conference(
    id: "booths", name: "Booths", timeZone: "Africa/Casablanca",
    languages: ["ar", "fr", "en", "de", "zh"].map { Language(code: $0, name: $0) },
    rooms: [Room(id: "hall", name: "Hall", booths: booths)],
    sessions: [
      Session(
        id: "talks", roomId: "hall", title: "Talks", plannedStart: Fixtures.at(minutes: 0),
        plannedEnd: Fixtures.at(minutes: 300),
        speakers: [Speaker(name: "Nadia", language: "ar"), Speaker(name: "Luc", language: "fr")])
    ])

  var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: InterpretationTests.conference)))

  private func run(_ command: any Command, at minutes: Double) throws {
    for event in try state.decide(RoomCommand(command, in: "hall"), at: Fixtures.at(minutes: minutes)) {
      state.apply(event)
    }
  }

  private func status(at minutes: Double) -> InterpretationStatus {
    InterpretationStatus(
      room: Self.conference.rooms[0], conference: Self.conference, state: state, at: Fixtures.at(minutes: minutes))
  }

  private func rejection(_ command: any Command, at minutes: Double = 1) -> CommandRejection? {
    do {
      _ = try state.decide(RoomCommand(command, in: "hall"), at: Fixtures.at(minutes: minutes))
      return nil
    } catch {
      return error as? CommandRejection
    }
  }

  // MARK: relay

  func testBoothsWithoutTheFloorLanguageTakeRelayOneOrTwoStepsAway() {
    let map = RelayMap.derive(booths: Self.booths, floor: "ar")
    XCTAssertEqual(map["ar"], RelaySource(kind: .ownLanguage, language: "ar", marker: .floor, output: "fr"))
    XCTAssertEqual(map["fr"], RelaySource(kind: .floor, language: "ar", marker: .floor, output: "fr"))
    XCTAssertEqual(map["en"], RelaySource(kind: .relay, language: "fr", booth: "fr", marker: .oneStep, output: "en"))
    XCTAssertEqual(map["de"], RelaySource(kind: .relay, language: "en", booth: "en", marker: .twoSteps, output: "de"))
  }

  func testAPivotIsChosenAmongTheFewestStepsAndNeverTheBoothItself() {
    // Floor en: fr and ar take it; de takes en? No: de's source en *is* the floor.
    let map = RelayMap.derive(booths: Self.booths, floor: "en")
    XCTAssertEqual(map["de"]?.kind, .floor)
    XCTAssertEqual(map["en"]?.kind, .ownLanguage)
    XCTAssertNil(map["en"]?.output, "a booth without retour is silent when the floor speaks its language")
    for (id, source) in RelayMap.derive(booths: Self.booths, floor: "ar") where source.kind == .relay {
      XCTAssertNotEqual(source.booth, id)
    }
  }

  func testRelayChainsNeverLoopAndEndAtTheFloor() {
    for floor in ["ar", "fr", "en", "de", "zh"] {
      let map = RelayMap.derive(booths: Self.booths, floor: floor)
      for (start, _) in map {
        var seen: Set<String> = [start]
        var current = map[start]
        while let source = current, source.kind == .relay, let pivot = source.booth {
          XCTAssertTrue(seen.insert(pivot).inserted, "relay loop from \(start) with floor \(floor)")
          current = map[pivot]
        }
        XCTAssertNotEqual(current?.kind, .relay)
      }
    }
  }

  func testAMissingPivotLeavesTheBoothWithoutSourceAndRaisesAnAlert() throws {
    let map = RelayMap.derive(booths: Self.booths, floor: "zh")
    XCTAssertTrue(map.values.allSatisfy { $0.kind == .none }, "nobody takes zh")
    // A booth that takes only Russian has no pivot when the floor speaks Arabic.
    let lonely = [Booth(id: "zh", language: "zh", channel: 9, sourceLanguages: ["ru"])]
    XCTAssertEqual(RelayMap.derive(booths: Self.booths + lonely, floor: "ar")["zh"], .unsourced)
    try run(StartSession(), at: 0)
    XCTAssertTrue(status(at: 1).alerts.isEmpty)
  }

  func testAFloorLanguageNoBoothCoversIsRefusedAndUnknownBoothsAreNamed() {
    let uncovered = rejection(SetFloorLanguage(language: "zh"))
    XCTAssertEqual(uncovered?.reason, .invalidArgument)
    XCTAssertTrue(uncovered?.message.contains("no booth of room 'hall' can take 'zh'") ?? false, "\(uncovered!)")
    XCTAssertEqual(rejection(SetFloorLanguage(language: "xx"))?.field, "language")
    let booth = rejection(MicrophoneOff(booth: "ru"))
    XCTAssertEqual(booth?.reason, .unknownBooth)
    XCTAssertTrue(booth?.message.contains("booths: ar, fr, en, de") ?? false)
  }

  func testTheFloorFollowsTheSpeakerAndBoothsOnRelayAreSentBackToTheFloor() throws {
    try run(StartSession(), at: 0)
    XCTAssertEqual(state.floor(in: "hall").language, "ar")
    XCTAssertEqual(state.floor(in: "hall").source, .speaker)
    XCTAssertEqual(status(at: 1).booths.first { $0.booth == "en" }?.source.marker, .oneStep)

    try run(NextSpeaker(), at: 10)  // Luc speaks French: en can take the floor again
    XCTAssertEqual(state.floor(in: "hall").language, "fr")
    let english = status(at: 11).booths.first { $0.booth == "en" }
    XCTAssertEqual(english?.source.kind, .floor)
    XCTAssertEqual(english?.backToFloorAt, Fixtures.at(minutes: 10))
    XCTAssertNil(status(at: 11).booths.first { $0.booth == "de" }?.backToFloorAt, "de still takes relay")

    try run(SetFloorLanguage(language: "ar"), at: 12)  // the chief hears Arabic after all
    XCTAssertEqual(state.floor(in: "hall").source, .chief)
    XCTAssertEqual(status(at: 13).booths.first { $0.booth == "en" }?.source.kind, .relay)
    try run(SetFloorLanguage(language: nil), at: 14)
    XCTAssertEqual(state.floor(in: "hall").language, "fr")
  }

  func testASpeakerWithoutALanguageLeavesTheFloorUnknownNotTheSessions() throws {
    var conference = Self.conference
    conference.sessions[0].language = "ar"
    conference.sessions[0].speakers = [Speaker(name: "Luc", language: nil), Speaker(name: "Nadia", language: "ar")]
    conference.sessions.append(
      Session(
        id: "film", roomId: "hall", title: "Film", plannedStart: Fixtures.at(minutes: 400),
        plannedEnd: Fixtures.at(minutes: 500), language: "fr"))
    state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
    try run(StartSession(), at: 0)
    XCTAssertNil(state.floor(in: "hall").language, "Luc's language is unknown: not the session's Arabic")
    XCTAssertEqual(state.floor(in: "hall").source, .speakerUnknown)
    XCTAssertTrue(status(at: 1).alerts.allSatisfy { $0.rule != .noSource }, "no floor, no missing source")
    try run(NextSpeaker(), at: 5)
    XCTAssertEqual(state.floor(in: "hall").language, "ar")
    try run(EndSession(), at: 6)
    try run(StartSession(), at: 400)  // nobody listed: the session's language is the floor's
    XCTAssertEqual(state.floor(in: "hall").language, "fr")
    XCTAssertEqual(state.floor(in: "hall").source, .session)
  }

  // MARK: turns

  func testHandoverMovesTheMicrophoneToTheNamedPartnerOnly() throws {
    try run(TakeMicrophone(booth: "en", interpreter: "helen"), at: 0)
    XCTAssertEqual(rejection(RequestHandover(booth: "en", to: "vero"))?.field, "to", "Véro is in the fr booth")
    XCTAssertEqual(rejection(AcceptHandover(booth: "en"))?.reason, .notAllowedInState)
    try run(RequestHandover(booth: "en", to: "mark"), at: 29)
    XCTAssertEqual(state.room("hall").interpretation.booth("en").handover?.to, "mark")
    try run(AcceptHandover(booth: "en"), at: 30)
    let booth = state.room("hall").interpretation.booth("en")
    XCTAssertEqual(booth.onMic, "mark")
    XCTAssertEqual(booth.turnStartedAt, Fixtures.at(minutes: 30))
    XCTAssertNil(booth.handover)
    let helen = state.workload.first { $0.key.interpreter == "helen" }?.value
    XCTAssertEqual(helen?.micSeconds, 30 * 60)
    XCTAssertEqual(helen?.turns, 1)
  }

  func testADirectTakeCutsThePartnerOffSoOneMicrophoneIsLivePerBooth() throws {
    try run(TakeMicrophone(booth: "en", interpreter: "helen"), at: 0)
    let events = try state.decide(
      RoomCommand(TakeMicrophone(booth: "en", interpreter: "mark"), in: "hall"), at: Fixtures.at(minutes: 5))
    XCTAssertEqual(
      events,
      [
        AnyEvent(TurnEnded(room: "hall", booth: "en", interpreter: "helen", at: Fixtures.at(minutes: 5))),
        AnyEvent(TurnStarted(room: "hall", booth: "en", interpreter: "mark", at: Fixtures.at(minutes: 5))),
      ])
    XCTAssertEqual(rejection(TakeMicrophone(booth: "en", interpreter: "vero"))?.field, "interpreter")
  }

  func testTurnPhasesAndTheTooLongAlert() throws {
    try run(StartSession(), at: 0)
    try run(SetTurnLength(booth: "fr", seconds: 20 * 60), at: 0)
    try run(TakeMicrophone(booth: "fr", interpreter: "vero"), at: 0)
    let booth = { (minutes: Double) in self.status(at: minutes).booths.first { $0.booth == "fr" }! }
    XCTAssertEqual(booth(10).turnPhase, .running)
    XCTAssertEqual(booth(19.5).turnPhase, .handover)
    XCTAssertEqual(booth(21).turnPhase, .overdue)
    XCTAssertFalse(status(at: 29).alerts.contains { $0.rule == .turnTooLong })
    let coming = status(at: 29).upcomingAlerts.first { $0.rule == .turnTooLong }
    XCTAssertEqual(coming?.since, Fixtures.at(minutes: 30), "screens learn when the limit will be crossed")
    XCTAssertEqual(status(at: 31).alerts.first { $0.rule == .turnTooLong }?.since, Fixtures.at(minutes: 30))
    let alert = status(at: 31).alerts.first { $0.rule == .turnTooLong }
    XCTAssertEqual(alert?.interpreter, "vero")
    XCTAssertEqual(alert?.message, "Véro has been on microphone in booth fr for 31 min (limit 30 min)")
    XCTAssertEqual(rejection(SetTurnLength(booth: "fr", seconds: 60))?.field, "seconds")
  }

  func testEndingTheSessionSwitchesMicrophonesOffAndCountsBoothTime() throws {
    try run(StartSession(), at: 0)
    try run(TakeMicrophone(booth: "ar", interpreter: "amina"), at: 0)
    try run(SlowDown(booth: "ar", active: true), at: 5)
    try run(EndSession(), at: 45)
    XCTAssertNil(state.room("hall").interpretation.booth("ar").onMic)
    XCTAssertNil(state.room("hall").interpretation.booth("ar").slowDownSince)
    let amina = state.workload[WorkloadKey(interpreter: "amina", room: "hall", booth: "ar", day: "2026-06-25")]
    XCTAssertEqual(amina, WorkloadDay(micSeconds: 45 * 60, turns: 1, longestTurn: 45 * 60, boothSeconds: 45 * 60))
    XCTAssertEqual(
      state.workload[WorkloadKey(interpreter: "samir", room: "hall", booth: "ar", day: "2026-06-25")]?.boothSeconds,
      45 * 60)
  }

  // MARK: workload

  func testATurnAcrossMidnightCountsOnBothDaysInTheConferencesTimeZone() throws {
    // 23:50 to 00:20 in Rabat (UTC+1 in June): 14:50 + 9 h after 09:00.
    let start = 14 * 60 + 50.0
    try run(TakeMicrophone(booth: "fr", interpreter: "pierre"), at: start)
    try run(MicrophoneOff(booth: "fr"), at: start + 30)
    let day1 = state.workload[WorkloadKey(interpreter: "pierre", room: "hall", booth: "fr", day: "2026-06-25")]
    let day2 = state.workload[WorkloadKey(interpreter: "pierre", room: "hall", booth: "fr", day: "2026-06-26")]
    XCTAssertEqual(day1, WorkloadDay(micSeconds: 10 * 60, turns: 1, longestTurn: 30 * 60))
    XCTAssertEqual(day2, WorkloadDay(micSeconds: 20 * 60))
  }

  func testReplayingTheEventsRebuildsTheSameWorkload() throws {
    var events: [AnyEvent] = [AnyEvent(ConferenceLoaded(conference: Self.conference))]
    var live = ConferenceState.replaying(events)
    let steps: [(RoomCommand, Double)] = [
      (RoomCommand(StartSession(), in: "hall"), 0),
      (RoomCommand(TakeMicrophone(booth: "en", interpreter: "helen"), in: "hall"), 1),
      (RoomCommand(RequestHandover(booth: "en", to: "mark"), in: "hall"), 30),
      (RoomCommand(AcceptHandover(booth: "en"), in: "hall"), 31),
      (RoomCommand(MicrophoneOff(booth: "en"), in: "hall"), 58),
      (RoomCommand(EndSession(), in: "hall"), 60),
    ]
    for (command, minutes) in steps {
      let new = try live.decide(command, at: Fixtures.at(minutes: minutes))
      new.forEach { live.apply($0) }
      events += new
    }
    XCTAssertEqual(ConferenceState.replaying(events), live)
    let mark = live.workload[WorkloadKey(interpreter: "mark", room: "hall", booth: "en", day: "2026-06-25")]
    XCTAssertEqual(mark?.micSeconds, 27 * 60)
    XCTAssertEqual(mark?.boothSeconds, 60 * 60)
  }

  func testASoloBoothAndALongDayRaiseAlerts() throws {
    try run(AssignTeam(booth: "en", interpreters: ["helen"]), at: 0)
    try run(StartSession(), at: 0)
    XCTAssertFalse(status(at: 39).alerts.contains { $0.rule == .soloBooth })
    XCTAssertEqual(status(at: 41).alerts.first { $0.rule == .soloBooth }?.booth, "en")
    XCTAssertEqual(status(at: 241).alerts.filter { $0.rule == .sessionTooLong }.count, 4)
    // A day: 4 h yesterday-style recorded work plus 3 h 10 min live is over 7 h.
    state.workload[WorkloadKey(interpreter: "helen", room: "other", booth: "en", day: "2026-06-25")] = WorkloadDay(
      boothSeconds: 4 * 3600)
    XCTAssertNil(status(at: 170).alerts.first { $0.rule == .dayTooLong })
    XCTAssertEqual(status(at: 190).alerts.first { $0.rule == .dayTooLong }?.interpreter, "helen")
  }

  func testATeamCannotDropTheInterpreterOnMicrophoneNorNameStrangers() throws {
    try run(TakeMicrophone(booth: "ar", interpreter: "amina"), at: 0)
    XCTAssertEqual(rejection(AssignTeam(booth: "ar", interpreters: ["samir"]))?.reason, .notAllowedInState)
    XCTAssertEqual(rejection(AssignTeam(booth: "ar", interpreters: ["amina", "ghost"]))?.field, "interpreters")
    XCTAssertEqual(rejection(AssignTeam(booth: "ar", interpreters: ["amina", "amina"]))?.field, "interpreters")
    try run(AssignTeam(booth: "ar", interpreters: ["amina", "jan"]), at: 1)
    XCTAssertEqual(status(at: 2).booths[0].team.map(\.name), ["أمينة", "Jan"])
  }

  func testMessagesAreTrimmedBoundedAndKeptNewestLast() throws {
    XCTAssertEqual(rejection(MessageChief(booth: "fr", text: "   "))?.field, "text")
    XCTAssertEqual(rejection(MessageChief(booth: "fr", text: String(repeating: "x", count: 281)))?.field, "text")
    for index in 0..<25 { try run(MessageBooth(booth: "fr", text: " m\(index) "), at: Double(index)) }
    let messages = state.room("hall").interpretation.booth("fr").messages
    XCTAssertEqual(messages.count, BoothMessage.kept)
    XCTAssertEqual(messages.last, BoothMessage(from: .chief, text: "m24", at: Fixtures.at(minutes: 24)))
  }
}
