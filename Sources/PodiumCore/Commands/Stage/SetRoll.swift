import Foundation

/// Makes the room roll (its sessions start by themselves when due), holds it, or stops it.
public struct SetRoll: Command {
  public static let name = "setRoll"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [RollSet.self]

  /// `rolling`, `held` or `off`.
  public var mode: RollMode

  public init(mode: RollMode) {
    self.mode = mode
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case mode = "mode"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    context.state.rollMode(of: context.room) == mode
      ? [] : [RollSet(room: context.room.id, mode: mode, at: context.now)]
  }
}
