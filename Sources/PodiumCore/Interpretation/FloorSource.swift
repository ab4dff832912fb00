/// Why the floor language is what it is.
public enum FloorSource: String, Codable, Sendable {
  /// The current speaker's language.
  case speaker
  /// The session's language (the session lists no speakers).
  case session
  /// The current speaker's language is not known (a schedule gave none): the floor is unknown
  /// until the chief interpreter sets it.
  case speakerUnknown
  /// Set by the chief interpreter.
  case chief
  /// Unknown: no session on and nothing set.
  case none
}
