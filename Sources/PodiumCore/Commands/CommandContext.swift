import Foundation

/// What a command's rule decides against: the conference in force, the room the command
/// names, the state of everything, and the instant.
public struct CommandContext: Sendable {
  /// The whole state before the command.
  public let state: ConferenceState
  /// The programme in force.
  public let conference: Conference
  /// The room the command acts on, as the programme defines it.
  public let room: Room
  /// The daemon's instant for the command (the instant its events carry).
  public let now: Date

  public init(state: ConferenceState, conference: Conference, room: Room, now: Date) {
    self.state = state
    self.conference = conference
    self.room = room
    self.now = now
  }

  /// The room's live state.
  public var roomState: RoomState { state.room(room.id) }
  /// The room's audience questions.
  public var board: QuestionBoard { state.board(room.id) }
  /// The room's booths, floor and relay, live.
  public var interpretation: InterpretationState { roomState.interpretation }
}
