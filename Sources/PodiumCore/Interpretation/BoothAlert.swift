import Foundation

/// A working-condition rule crossed, or a booth left without a source.
public struct BoothAlert: Codable, Equatable, Sendable {
  /// Which rule.
  public enum Rule: String, Codable, Sendable {
    /// A turn on microphone longer than `WorkingConditions.maximumTurn`.
    case turnTooLong
    /// An interpreter's booth time today beyond `maximumDay`.
    case dayTooLong
    /// A session running longer than `maximumSession`.
    case sessionTooLong
    /// A booth working with one interpreter for longer than `maximumSolo`.
    case soloBooth
    /// A booth that can take the floor from nowhere (no pivot).
    case noSource
  }

  public var rule: Rule
  public var booth: Booth.ID
  public var interpreter: Interpreter.ID?
  /// A sentence for the chief interpreter.
  public var message: String
  /// The measured value and the limit, in seconds (0 for `noSource`).
  public var value: TimeInterval
  public var limit: TimeInterval
  /// When the limit was (or will be) crossed; nil for `noSource`, which holds as long as the floor does.
  public var since: Date?

  public init(
    rule: Rule, booth: Booth.ID, interpreter: Interpreter.ID? = nil, message: String, value: TimeInterval = 0,
    limit: TimeInterval = 0, since: Date? = nil
  ) {
    self.rule = rule
    self.booth = booth
    self.interpreter = interpreter
    self.message = message
    self.value = value
    self.limit = limit
    self.since = since
  }
}
