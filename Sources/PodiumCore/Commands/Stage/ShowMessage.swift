import Foundation

/// Shows a message on the speaker's confidence monitor; `blackout` hides timer and message.
public struct ShowMessage: Command {
  public static let name = "showMessage"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [MessageShown.self]

  /// The text (trimmed).
  public var text: String
  /// Whether it blinks.
  public var blink: Bool
  /// Whether the monitor goes black.
  public var blackout: Bool

  public init(text: String = "", blink: Bool = false, blackout: Bool = false) {
    self.text = text
    self.blink = blink
    self.blackout = blackout
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case text = "text", blink = "blink", blackout = "blackout"
  }

  public init(from decoder: any Decoder) throws {
    let arguments = try decoder.container(keyedBy: CodingKeys.self)
    text = try arguments.decodeIfPresent(String.self, forKey: .text) ?? ""
    blink = try arguments.decodeIfPresent(Bool.self, forKey: .blink) ?? false
    blackout = try arguments.decodeIfPresent(Bool.self, forKey: .blackout) ?? false
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let message = SpeakerMessage(
      text: text.trimmingCharacters(in: .whitespacesAndNewlines), blink: blink, blackout: blackout)
    guard message.text.count <= SpeakerMessage.maximumLength else {
      throw CommandRejection(
        .invalidArgument,
        "message text is \(message.text.count) characters; at most \(SpeakerMessage.maximumLength) fit a monitor",
        field: "text")
    }
    guard !message.text.isEmpty || message.blackout else {
      throw CommandRejection(.invalidArgument, "message text is empty (send clearMessage to clear)", field: "text")
    }
    return [MessageShown(room: context.room.id, message: message)]
  }
}
