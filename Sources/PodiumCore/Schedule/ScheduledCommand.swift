/// A command the schedule makes due: the daemon sends it to itself, as the sender `schedule`.
public struct ScheduledCommand: Sendable {
  /// The prefix of the ids of the commands the schedule sends.
  public static let idPrefix = "schedule:"

  /// Its id, made from what it does and the fact it follows from (`schedule:plenary:start:panel@1782374400000`),
  /// so that the same due command is never applied twice, across restarts too.
  public var id: String
  public var command: RoomCommand

  public init(id: String, command: RoomCommand) {
    self.id = id
    self.command = command
  }
}
