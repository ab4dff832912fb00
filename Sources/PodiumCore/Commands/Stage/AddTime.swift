import Foundation

/// Adds (positive) or removes (negative) time from the session on now.
public struct AddTime: Command {
  public static let name = "addTime"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [TimeAdded.self]
  /// The most one `addTime` may add or remove, in seconds.
  public static let maximumAdjustment: TimeInterval = 3 * 3600

  /// Seconds to add; negative to remove.
  public var seconds: TimeInterval

  public init(seconds: TimeInterval) {
    self.seconds = seconds
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case seconds = "seconds"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    _ = try context.runningTimer()
    guard seconds.isFinite, seconds != 0, abs(seconds) <= Self.maximumAdjustment else {
      throw CommandRejection(
        .invalidArgument, "seconds must be non-zero and at most 3 hours either way (got \(seconds))",
        field: "seconds")
    }
    return [TimeAdded(room: context.room.id, seconds: seconds)]
  }
}
