import Foundation

/// A person who speaks in a session.
public struct Speaker: Codable, Equatable, Sendable {
  /// The longest speaking time one speaker may be given, in seconds: a longer one is a typo.
  public static let maximumSpeakingTime: TimeInterval = 4 * 3600
  /// The shortest, in seconds.
  public static let minimumSpeakingTime: TimeInterval = 10

  /// The name as the person writes it (Arabic names in Arabic script).
  public var name: String
  /// The language the speaker speaks (code); it becomes the floor language.
  public var language: String?
  /// Role or affiliation, e.g. "Ministre de la Solidarité".
  public var affiliation: String?
  /// The time allotted to them, in seconds (their speaking slot); nil: none, the session's
  /// countdown alone counts.
  public var speakingTime: TimeInterval?

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case name = "name", language = "language", affiliation = "affiliation", speakingTime = "speakingTime"
  }

  public init(name: String, language: String? = nil, affiliation: String? = nil, speakingTime: TimeInterval? = nil) {
    self.name = name
    self.language = language
    self.affiliation = affiliation
    self.speakingTime = speakingTime
  }

  /// Why `seconds` cannot be a speaking time, or nil when it can.
  public static func problem(speakingTime seconds: TimeInterval) -> String? {
    guard seconds.isFinite, (minimumSpeakingTime...maximumSpeakingTime).contains(seconds) else {
      return "a speaking time is 10 seconds to 4 hours (got \(seconds.isFinite ? "\(seconds) s" : "\(seconds)"))"
    }
    return nil
  }
}
