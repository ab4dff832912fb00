/// An interpreter switches their microphone on; a partner who is live is cut off (one live microphone per booth).
public struct TakeMicrophone: BoothCommand {
  public static let name = "takeMic"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [TurnEnded.self, TurnStarted.self]

  /// The booth it acts on.
  public var booth: Booth.ID
  /// The interpreter, of the booth's team.
  public var interpreter: Interpreter.ID

  public init(booth: Booth.ID, interpreter: Interpreter.ID) {
    self.booth = booth
    self.interpreter = interpreter
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", interpreter = "interpreter"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    try context.requireMember(interpreter, of: booth, field: "interpreter")
    if context.boothState(booth.id).onMic == interpreter { return [] }
    return context.microphone(of: booth, to: interpreter)
  }
}
