import Foundation

/// The working-condition limits a conference's interpreters work under, and the
/// default turn length. Defaults follow AIIC-style conditions (docs/CONFERENCE-FORMAT.md).
public struct WorkingConditions: Codable, Equatable, Sendable {
  /// A booth's turn length when none was set, in seconds (30 min).
  public var turnLength: TimeInterval
  /// A turn on microphone longer than this raises `turnTooLong`.
  public var maximumTurn: TimeInterval
  /// An interpreter's booth time in one day beyond this raises `dayTooLong` (7 h).
  public var maximumDay: TimeInterval
  /// A session longer than this raises `sessionTooLong` for its booths (4 h).
  public var maximumSession: TimeInterval
  /// A booth working with one interpreter for longer than this raises `soloBooth` (40 min).
  public var maximumSolo: TimeInterval

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case turnLength = "turnLength", maximumTurn = "maximumTurn", maximumDay = "maximumDay",
      maximumSession = "maximumSession", maximumSolo = "maximumSolo"
  }

  public init(
    turnLength: TimeInterval = 30 * 60, maximumTurn: TimeInterval = 30 * 60, maximumDay: TimeInterval = 7 * 3600,
    maximumSession: TimeInterval = 4 * 3600, maximumSolo: TimeInterval = 40 * 60
  ) {
    self.turnLength = turnLength
    self.maximumTurn = maximumTurn
    self.maximumDay = maximumDay
    self.maximumSession = maximumSession
    self.maximumSolo = maximumSolo
  }

  /// The defaults.
  public static let standard = WorkingConditions()
}
