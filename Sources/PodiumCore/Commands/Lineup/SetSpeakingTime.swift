import Foundation

/// Sets the speaking time of a speaker of the session on: the one with the floor (their slot
/// counts from when they took it) or one to come.
public struct SetSpeakingTime: Command {
  public static let name = "setSpeakingTime"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [LineupChanged.self]

  /// The speaker's position in the lineup (0 is the first speaker).
  public var position: Int
  /// Their speaking time in seconds; nil: none.
  public var seconds: TimeInterval?

  public init(position: Int, seconds: TimeInterval?) {
    self.position = position
    self.seconds = seconds
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case position = "position", seconds = "seconds"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let time = try context.speakingTime(seconds)
    return try context.changeLineup { lineup, floor in
      let at = try context.position(position, in: min(floor, lineup.count)..<lineup.count, field: "position")
      lineup[at].speakingTime = time
    }
  }
}
