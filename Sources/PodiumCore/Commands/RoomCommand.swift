/// A command addressed to one room, as the daemon receives it (every command acts on one room).
public struct RoomCommand: Equatable, Sendable, CustomStringConvertible {
  /// The room it acts on.
  public var room: Room.ID
  /// The command and its arguments.
  public var command: any Command

  public init(_ command: any Command, in room: Room.ID) {
    self.room = room
    self.command = command
  }

  /// The command's wire name.
  public var name: String { type(of: command).name }

  /// Who sends such a command.
  public var sender: Sender { type(of: command).sender }

  /// The booth it acts on, for a booth command.
  public var booth: Booth.ID? { (command as? any BoothCommand)?.booth }

  public static func == (left: RoomCommand, right: RoomCommand) -> Bool {
    left.room == right.room && left.command.isEqual(to: right.command)
  }

  public var description: String { "\(name) in \(room): \(command)" }
}

extension Command {
  /// Whether `other` is the same command with the same arguments.
  func isEqual(to other: any Command) -> Bool {
    (other as? Self) == self
  }
}
