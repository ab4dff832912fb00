import Foundation
import PodiumConfig
import PodiumCore
import PodiumProtocol

/// Something that happened in a room that an automation can answer: a session started, a
/// phase reached, a question put on the screen…
///
/// Its `id` names this one occurrence from the state itself (the session's start instant,
/// the request's instant), so reading the same state again, or after a restart, gives the
/// same id: the bridge fires each id once. Pure: made from a room's status and its variables.
public struct Occurrence: Equatable, Sendable {
  /// What happened (with the trigger's minutes or phase).
  public var trigger: Automation.Trigger
  public var room: Room.ID
  /// The session it happened in, if any.
  public var session: Session.ID?
  /// The booth that asked, for a slow-down.
  public var booth: Booth.ID?
  /// This occurrence's name: `plenary/phase/danger/opening@1782374400000`.
  public var id: String

  /// Every occurrence the room's state holds at the instant of `variables`: the sessions
  /// started and ended, and for the session on now its phase, its minutes over
  /// (`overtimeMinutes` lists those automations ask about), its speakers after the first; the
  /// room's lateness beyond `lateMinutes`; the question on screen; the booths' slow-down requests.
  public static func all(
    in status: RoomStatus, variables: RoomVariables, overtimeMinutes: Set<Int> = [], lateMinutes: Set<Int> = []
  ) -> [Occurrence] {
    let room = status.room.id
    var found: [Occurrence] = []
    func add(_ trigger: Automation.Trigger, _ name: String, session: Session.ID? = nil, booth: Booth.ID? = nil) {
      found.append(Occurrence(trigger: trigger, room: room, session: session, booth: booth, id: "\(room)/\(name)"))
    }
    for (session, record) in status.state.records.sorted(by: { $0.value.startedAt < $1.value.startedAt }) {
      add(.sessionStarted, "sessionStarted/\(session)@\(millis(record.startedAt))", session: session)
      if let ended = record.endedAt {
        add(.sessionEnded, "sessionEnded/\(session)@\(millis(ended))", session: session)
      }
    }
    var episode = status.upcoming.first.map { "next-\($0.session.id)" } ?? "idle"
    if let current = status.current {
      let session = current.session.id
      let run = "\(session)@\(millis(current.startedAt))"
      episode = run
      if let phase = Phase(rawValue: variables.phase), phase != .normal {
        add(.phase(phase), "phase/\(phase.rawValue)/\(run)", session: session)
      }
      for minutes in overtimeMinutes.sorted() where -variables.timeLeftSeconds >= minutes * 60 {
        add(.overtime(minutes: minutes), "overtime/\(minutes)/\(run)", session: session)
      }
      if current.speakerIndex > 0 {
        add(.speakerAdvanced, "speakerAdvanced/\(run)/\(current.speakerIndex)", session: session)
      }
    }
    let session = status.current?.session.id
    for minutes in lateMinutes.sorted() where status.offset > Double(minutes * 60) {
      add(.late(minutes: minutes), "late/\(minutes)/\(episode)", session: session)
    }
    if let question = status.questionOnScreen {
      add(.questionOnScreen, "questionOnScreen/\(question.id)", session: session)
    }
    for request in status.slowDown {
      add(.slowDown, "slowDown/\(request.booth)@\(millis(request.at))", session: session, booth: request.booth)
    }
    return found
  }

  private static func millis(_ instant: Date) -> Int64 { Int64((instant.timeIntervalSince1970 * 1000).rounded()) }
}

extension Automation {
  /// Whether it answers `occurrence`: the same trigger, and each filter it has matches.
  public func answers(_ occurrence: Occurrence) -> Bool {
    trigger == occurrence.trigger && (filter.room.map { $0 == occurrence.room } ?? true)
      && (filter.session.map { $0 == occurrence.session } ?? true)
      && (filter.booth.map { $0 == occurrence.booth } ?? true)
  }
}
