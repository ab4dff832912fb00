/// A request to change the conference's live state, as the daemon receives it.
///
/// Commands are decided against the current state (`ConferenceState.decide`)
/// and, when accepted, become events.
public enum Command: Equatable, Sendable {
  /// A command to one room's stage timing.
  case room(Room.ID, RoomCommand)
  /// A command to one room's interpretation booths.
  case interpretation(Room.ID, InterpretationCommand)
  /// A command to one room's audience questions.
  case questions(Room.ID, QuestionCommand)
}
