/// Whether a room takes audience questions.
public enum Intake: String, Codable, Sendable, CaseIterable {
  /// Questions are taken.
  case open
  /// Not now (the page says so); a moderator reopens.
  case paused
  /// No more questions for this session.
  case closed
}
