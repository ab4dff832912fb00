import Foundation

/// A short written message between a booth and the chief interpreter.
public struct BoothMessage: Codable, Equatable, Sendable {
  /// Who wrote a booth message.
  public enum Sender: String, Codable, Sendable {
    case booth, chief
  }

  /// The longest message, in characters.
  public static let maximumLength = 280
  /// How many messages a booth keeps (the newest).
  public static let kept = 20

  public var from: Sender
  public var text: String
  public var at: Date

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case from = "from", text = "text", at = "at"
  }

  public init(from: Sender, text: String, at: Date) {
    self.from = from
    self.text = text
    self.at = at
  }
}
