import Foundation
import PodiumCore

extension SpeakerReport {
  /// Replays events and notes, after each, who has the floor in each room.
  public struct Recorder: Sendable {
    /// Who has the floor in a room, and whether their time counts now.
    private struct Floor: Equatable {
      var session: Session.ID
      var speaker: String
      var counting: Bool
    }

    private struct Key: Hashable {
      var session: Session.ID
      var speaker: String
    }

    /// The state the events replay to.
    public private(set) var state = ConferenceState()
    private var floors: [Room.ID: (floor: Floor, since: Date)] = [:]
    private var spoken: [Key: TimeInterval] = [:]
    private var order: [Key] = []
    /// The speaking time of each speaker as last known (live lineups included).
    private var planned: [Key: TimeInterval] = [:]

    public init() {}

    /// Applies `event`, which happened at `at`, and moves the floors it changed.
    public mutating func apply(_ event: AnyEvent, at: Date) {
      state.apply(event)
      for room in event.roomId.map({ [$0] }) ?? state.conference?.rooms.map(\.id) ?? [] {
        let now = floor(in: room)
        let before = floors[room]
        guard before?.floor != now else { continue }
        if let before { close(before.floor, from: before.since, to: at) }
        floors[room] = now.map { ($0, at) }
      }
    }

    /// The report at `now`: the floors held now count up to it.
    public func report(at now: Date) -> SpeakerReport {
      var recorder = self
      for (_, held) in floors { recorder.close(held.floor, from: held.since, to: now) }
      return recorder.lines()
    }

    private mutating func close(_ floor: Floor, from start: Date, to end: Date) {
      let key = Key(session: floor.session, speaker: floor.speaker)
      if spoken[key] == nil { order.append(key) }
      spoken[key, default: 0] += floor.counting ? max(0, end.timeIntervalSince(start)) : 0
    }

    private mutating func floor(in roomId: Room.ID) -> Floor? {
      let room = state.room(roomId)
      guard let id = room.currentSessionId, let session = state.conference?.session(id) else { return nil }
      let lineup = room.speakers(of: session)
      for speaker in lineup {
        if let time = speaker.speakingTime { planned[Key(session: id, speaker: speaker.name)] = time }
      }
      guard lineup.indices.contains(room.speakerIndex) else { return nil }
      return Floor(session: id, speaker: lineup[room.speakerIndex].name, counting: room.timer?.isPaused == false)
    }

    private func lines() -> SpeakerReport {
      guard let conference = state.conference else { return SpeakerReport(lines: [], timeZone: "UTC") }
      var lines: [Line] = []
      for room in conference.rooms {
        for session in conference.sessions(in: room.id) {
          let spokeHere = order.filter { $0.session == session.id }
          let programmed = session.speakers.map { Key(session: session.id, speaker: $0.name) }
          for key in spokeHere + programmed.filter({ !spokeHere.contains($0) }) {
            lines.append(
              Line(
                room: room.id, session: session.id, title: session.title, speaker: key.speaker,
                planned: planned[key] ?? session.speakers.first { $0.name == key.speaker }?.speakingTime,
                spoken: spoken[key] ?? 0))
          }
        }
      }
      return SpeakerReport(lines: lines, timeZone: conference.timeZone)
    }
  }
}
