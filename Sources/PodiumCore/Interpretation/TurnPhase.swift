/// Where a booth's turn stands against its length.
public enum TurnPhase: String, Codable, Sendable {
  /// Nobody is on microphone.
  case idle
  /// A turn runs with more than a minute left.
  case running
  /// The last minute of the turn: time to hand over.
  case handover
  /// The turn is longer than its length.
  case overdue

  /// Seconds before a turn's end when the handover alert shows.
  public static let handoverWarning: Double = 60

  /// The phase of a turn with `timeLeft` seconds left (nil: no turn).
  public init(timeLeft: Double?) {
    guard let timeLeft else {
      self = .idle
      return
    }
    self = timeLeft < 0 ? .overdue : timeLeft <= Self.handoverWarning ? .handover : .running
  }
}
