/// Opens, pauses or closes intake (a new session reopens it).
public struct SetIntake: Command {
  public static let name = "setIntake"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [IntakeChanged.self]

  /// `open`, `paused` or `closed`.
  public var intake: Intake
  /// The moderator, for the event log.
  public var by: String

  public init(intake: Intake, by: String) {
    self.intake = intake
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case intake = "intake", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    if context.board.intake == intake { return [] }
    return [IntakeChanged(room: context.room.id, intake: intake, by: by, at: context.now)]
  }
}
