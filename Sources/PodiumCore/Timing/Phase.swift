/// How close a session is to its end, as a confidence monitor colours it.
public enum Phase: String, Codable, Sendable, CaseIterable {
  /// More time left than the warning threshold.
  case normal
  /// Less than the warning threshold left.
  case warning
  /// Less than the danger threshold left.
  case danger
  /// Past the end: the speaker is running over.
  case overtime
}
