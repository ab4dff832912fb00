/// Says the room is full, or no longer full: door screens and the lobby show it.
public struct SetRoomFull: Command {
  public static let name = "setRoomFull"
  public static let sender = Sender.operator
  public static let events: [any Event.Type] = [RoomFullSet.self]

  /// Whether the room is full now.
  public var full: Bool

  public init(full: Bool) {
    self.full = full
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case full = "full"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    context.roomState.full == full ? [] : [RoomFullSet(room: context.room.id, full: full, at: context.now)]
  }
}
