import Foundation

/// Sets when the room's countdown turns warning and danger; kept for later sessions.
public struct SetThresholds: Command {
  public static let name = "setThresholds"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [ThresholdsSet.self]

  /// Seconds left at which the countdown turns warning.
  public var warning: TimeInterval
  /// Seconds left at which it turns danger.
  public var danger: TimeInterval

  public init(warning: TimeInterval, danger: TimeInterval) {
    self.warning = warning
    self.danger = danger
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case warning = "warning", danger = "danger"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    guard danger.isFinite, warning.isFinite, danger >= 0, warning > danger, warning <= 4 * 3600 else {
      throw CommandRejection(
        .invalidArgument,
        "thresholds need 0 ≤ danger < warning ≤ 4 h (got warning \(warning) s, danger \(danger) s)",
        field: "warning")
    }
    return [ThresholdsSet(room: context.room.id, thresholds: Thresholds(warning: warning, danger: danger))]
  }
}
