/// A message from the room's operator to the speaker's confidence monitor.
public struct SpeakerMessage: Codable, Equatable, Sendable {
  /// The text shown under the timer; may be empty for a blackout alone.
  public var text: String
  /// Whether the message blinks to catch the speaker's eye.
  public var blink: Bool
  /// Whether the monitor goes black (the timer and message hidden).
  public var blackout: Bool

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case text = "text", blink = "blink", blackout = "blackout"
  }

  public init(text: String, blink: Bool = false, blackout: Bool = false) {
    self.text = text
    self.blink = blink
    self.blackout = blackout
  }

  /// The longest message text accepted, in characters.
  public static let maximumLength = 280
}
