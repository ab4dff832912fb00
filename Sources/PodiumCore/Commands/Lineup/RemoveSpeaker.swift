import Foundation

/// Takes a speaker who has not spoken yet out of the session on.
public struct RemoveSpeaker: Command {
  public static let name = "removeSpeaker"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [LineupChanged.self]

  /// The speaker's position in the lineup (0 is the first speaker).
  public var position: Int

  public init(position: Int) {
    self.position = position
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case position = "position"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    try context.changeLineup { lineup, _ in
      let open = context.firstOpenPosition(in: lineup)
      lineup.remove(at: try context.position(position, in: open..<lineup.count, field: "position"))
    }
  }
}
