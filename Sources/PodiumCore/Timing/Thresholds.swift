import Foundation

/// When a countdown turns to warning and to danger, in seconds left.
public struct Thresholds: Codable, Equatable, Sendable {
  /// Seconds left at which the phase becomes `warning`.
  public var warning: TimeInterval
  /// Seconds left at which the phase becomes `danger`.
  public var danger: TimeInterval

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case warning = "warning", danger = "danger"
  }

  public init(warning: TimeInterval, danger: TimeInterval) {
    self.warning = warning
    self.danger = danger
  }

  /// Five minutes to warning, one minute to danger, as stage timers default to.
  public static let standard = Thresholds(warning: 300, danger: 60)

  /// The phase for a number of seconds left.
  public func phase(timeLeft: TimeInterval) -> Phase {
    if timeLeft <= 0 { return .overtime }
    if timeLeft <= danger { return .danger }
    if timeLeft <= warning { return .warning }
    return .normal
  }
}
