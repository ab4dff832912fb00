/// The partner a handover was asked of takes over.
public struct AcceptHandover: BoothCommand {
  public static let name = "acceptHandover"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [TurnEnded.self, TurnStarted.self]

  /// The booth it acts on.
  public var booth: Booth.ID

  public init(booth: Booth.ID) {
    self.booth = booth
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    let live = context.boothState(booth.id)
    guard let request = live.handover else {
      throw CommandRejection(.notAllowedInState, "no handover was asked in booth '\(booth.id)'")
    }
    return context.microphone(of: booth, to: request.to)
  }
}
