/// Why the floor language is what it is.
public enum FloorSource: String, Codable, Sendable {
  /// The current speaker's language.
  case speaker
  /// The session's language (no speaker language known).
  case session
  /// Set by the chief interpreter.
  case chief
  /// Unknown: no session on and nothing set.
  case none
}
