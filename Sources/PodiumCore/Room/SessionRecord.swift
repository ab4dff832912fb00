import Foundation

/// What actually happened to one session: when it started and ended.
public struct SessionRecord: Codable, Equatable, Sendable {
  /// When the session actually started.
  public var startedAt: Date
  /// When the session actually ended, once it has.
  public var endedAt: Date?
  /// Booth time of the session already counted to the booths' teams, up to this instant: the
  /// End a `reopen` undid counted it; absent when nothing was undone.
  public var countedUntil: Date?

  public init(startedAt: Date, endedAt: Date? = nil, countedUntil: Date? = nil) {
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.countedUntil = countedUntil
  }

  /// The field names on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case startedAt = "startedAt", endedAt = "endedAt", countedUntil = "countedUntil"
  }
}
