/// A booth writes to the chief interpreter.
public struct MessageChief: BoothCommand {
  public static let name = "messageChief"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [BoothMessageSent.self]

  /// The booth it acts on.
  public var booth: Booth.ID
  /// The message (trimmed).
  public var text: String

  public init(booth: Booth.ID, text: String) {
    self.booth = booth
    self.text = text
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", text = "text"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    let message = BoothMessage(from: .booth, text: try context.boothMessageText(text), at: context.now)
    return [BoothMessageSent(room: context.room.id, booth: booth.id, message: message)]
  }
}
