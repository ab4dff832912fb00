import Foundation
import PodiumCore

/// A small conference for rule tests: one room, three sessions with a gap before the third.
enum Fixtures {
  static let nine = Date(timeIntervalSince1970: 1_782_374_400)  // 2026-06-25 08:00 UTC, 09:00 in Rabat

  static func at(minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }

  static let conference = Conference(
    id: "test", name: "Test", timeZone: "Africa/Casablanca",
    languages: [Language(code: "ar", name: "العربية"), Language(code: "fr", name: "Français")],
    rooms: [Room(id: "plenary", name: "Plénière"), Room(id: "atlas", name: "Atlas")],
    sessions: [
      Session(
        id: "opening", roomId: "plenary", title: "Ouverture", plannedStart: at(minutes: 0), plannedEnd: at(minutes: 30),
        speakers: [Speaker(name: "أمينة", language: "ar"), Speaker(name: "Jean", language: "fr")], language: "fr"),
      Session(
        id: "panel", roomId: "plenary", title: "Panel", plannedStart: at(minutes: 30), plannedEnd: at(minutes: 90)),
      Session(
        id: "closing", roomId: "plenary", title: "Clôture", plannedStart: at(minutes: 120), plannedEnd: at(minutes: 150)
      ),
      Session(
        id: "workshop", roomId: "atlas", title: "Atelier", plannedStart: at(minutes: 0), plannedEnd: at(minutes: 60)),
    ])

  static var loaded: ConferenceState { ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference))) }

  /// Decides and applies a command, failing the test on refusal.
  static func run(
    _ state: inout ConferenceState, _ command: any Command, room: String = "plenary", at date: Date
  ) throws {
    for event in try state.decide(RoomCommand(command, in: room), at: date) { state.apply(event) }
  }
}
