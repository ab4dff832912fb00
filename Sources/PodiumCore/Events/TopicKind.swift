/// Which published value an event changes. PodiumProtocol names the topic: `conference`,
/// `room/<room>`, `qa/<room>` or `qa/<room>/<question>`.
public enum TopicKind: String, Codable, Sendable, CaseIterable {
  /// The programme.
  case conference
  /// A room's status.
  case room
  /// A room's board of audience questions (intake, on screen, next).
  case questionBoard
  /// One audience question.
  case question
}
