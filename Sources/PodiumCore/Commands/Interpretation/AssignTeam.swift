/// Sets who works in a booth, in order (any interpreter of the conference).
public struct AssignTeam: BoothCommand {
  public static let name = "assignTeam"
  public static let sender = Sender.chiefInterpreter
  public static let events: [any Event.Type] = [TeamAssigned.self]

  /// The booth it acts on.
  public var booth: Booth.ID
  /// The team, in order.
  public var interpreters: [Interpreter.ID]

  public init(booth: Booth.ID, interpreters: [Interpreter.ID]) {
    self.booth = booth
    self.interpreters = interpreters
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", interpreters = "interpreters"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    guard !interpreters.isEmpty else {
      throw CommandRejection(.invalidArgument, "a booth's team needs at least one interpreter", field: "interpreters")
    }
    guard Set(interpreters).count == interpreters.count else {
      throw CommandRejection(.invalidArgument, "an interpreter is listed twice", field: "interpreters")
    }
    if let unknown = interpreters.first(where: { context.conference.interpreter($0) == nil }) {
      throw CommandRejection(
        .invalidArgument, "no interpreter '\(unknown)' in this conference", field: "interpreters")
    }
    if let onMic = context.boothState(booth.id).onMic, !interpreters.contains(onMic) {
      throw CommandRejection(
        .notAllowedInState, "'\(onMic)' is on microphone in booth '\(booth.id)'; hand over before leaving the team",
        field: "interpreters")
    }
    return [TeamAssigned(room: context.room.id, booth: booth.id, interpreters: interpreters)]
  }
}
