import Foundation
import PodiumCore
import PodiumProtocol

@testable import PodiumPluginKit

/// The plenary these tests drive: an opening at 09:00 in Rabat with two speakers, then a panel.
enum PlenaryFixture {
  /// 2026-06-25 08:00 UTC: 09:00 in Rabat.
  static let nine = Date(timeIntervalSince1970: 1_782_374_400)

  static let conference = Conference(
    id: "test", name: "Test", timeZone: "Africa/Casablanca",
    languages: [Language(code: "ar", name: "العربية"), Language(code: "fr", name: "Français")],
    rooms: [Room(id: "plenary", name: "Plénière")],
    sessions: [
      Session(
        id: "opening", roomId: "plenary", title: "Ouverture", plannedStart: nine,
        plannedEnd: nine.addingTimeInterval(1800),
        speakers: [Speaker(name: "أمينة", language: "ar"), Speaker(name: "Jean", language: "fr")], language: "fr"),
      Session(
        id: "panel", roomId: "plenary", title: "Panel", plannedStart: nine.addingTimeInterval(1800),
        plannedEnd: nine.addingTimeInterval(5400), speakers: [Speaker(name: "Salma", language: "ar")]),
    ])

  /// The plenary's status and variables `seconds` after nine, once `commands` were decided at
  /// their instants (seconds after nine).
  static func reading(
    after commands: [(any Command, TimeInterval)], at seconds: TimeInterval
  ) throws -> (
    status: RoomStatus, variables: RoomVariables
  ) {
    var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
    for (command, at) in commands {
      for event in try state.decide(RoomCommand(command, in: "plenary"), at: nine.addingTimeInterval(at)) {
        state.apply(event)
      }
    }
    let now = nine.addingTimeInterval(seconds)
    let status = RoomStatus(room: conference.rooms[0], conference: conference, state: state, at: now)
    return (status, RoomVariables(status: status, conference: conference, connected: true, at: now))
  }
}
