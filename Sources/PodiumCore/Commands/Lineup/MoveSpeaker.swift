import Foundation

/// Moves a speaker who has not spoken yet to another place among those to come (a swap of
/// two neighbours is one move).
public struct MoveSpeaker: Command {
  public static let name = "moveSpeaker"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [LineupChanged.self]

  /// The speaker's position now (0 is the first speaker).
  public var from: Int
  /// The position they get.
  public var to: Int

  public init(from: Int, to: Int) {
    self.from = from
    self.to = to
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case from = "from", to = "to"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    try context.changeLineup { lineup, _ in
      let open = context.firstOpenPosition(in: lineup)
      let moved = lineup.remove(at: try context.position(from, in: open..<lineup.count, field: "from"))
      lineup.insert(moved, at: try context.position(to, in: open..<(lineup.count + 1), field: "to"))
    }
  }
}
