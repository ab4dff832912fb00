import Foundation

/// Everything the daemon knows about the conference now: the programme and every
/// room's live state. A plain value: the daemon holds one, plugins rebuild theirs.
public struct ConferenceState: Codable, Equatable, Sendable {
  /// The programme in force, once one has been loaded.
  public var conference: Conference?
  /// Live state per room.
  public var rooms: [Room.ID: RoomState]
  /// Every interpreter's recorded work, per booth and day (finished turns and sessions).
  public var workload: [WorkloadKey: WorkloadDay]
  /// Audience questions per room.
  public var boards: [Room.ID: QuestionBoard]

  public init(
    conference: Conference? = nil, rooms: [Room.ID: RoomState] = [:], workload: [WorkloadKey: WorkloadDay] = [:],
    boards: [Room.ID: QuestionBoard] = [:]
  ) {
    self.conference = conference
    self.rooms = rooms
    self.workload = workload
    self.boards = boards
  }

  /// The questions of a room, or an empty board.
  public func board(_ id: Room.ID) -> QuestionBoard { boards[id] ?? QuestionBoard() }

  /// The state of a room, or a fresh one if nothing happened there yet.
  public func room(_ id: Room.ID) -> RoomState { rooms[id] ?? RoomState(roomId: id) }

  /// The state after applying every event in order.
  public static func replaying<S: Sequence>(_ events: S) -> ConferenceState where S.Element == AnyEvent {
    events.reduce(into: ConferenceState()) { $0.apply($1) }
  }
}
