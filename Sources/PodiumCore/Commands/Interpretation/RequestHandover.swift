/// The interpreter on microphone asks a named partner to take over.
public struct RequestHandover: BoothCommand {
  public static let name = "requestHandover"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [HandoverRequested.self]

  /// The booth it acts on.
  public var booth: Booth.ID
  /// The partner asked to take over.
  public var to: Interpreter.ID

  public init(booth: Booth.ID, to: Interpreter.ID) {
    self.booth = booth
    self.to = to
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", to = "to"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    guard let onMic = context.boothState(booth.id).onMic else {
      throw CommandRejection(
        .notAllowedInState, "nobody is on microphone in booth '\(booth.id)'; take the microphone instead")
    }
    try context.requireMember(to, of: booth, field: "to")
    guard to != onMic else {
      throw CommandRejection(.invalidArgument, "'\(to)' is already on microphone; name a partner", field: "to")
    }
    return [HandoverRequested(room: context.room.id, booth: booth.id, from: onMic, to: to, at: context.now)]
  }
}
