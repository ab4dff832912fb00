import Foundation

/// What actually happened to one session: when it started and ended.
public struct SessionRecord: Codable, Equatable, Sendable {
  /// When the session actually started.
  public var startedAt: Date
  /// When the session actually ended, once it has.
  public var endedAt: Date?

  public init(startedAt: Date, endedAt: Date? = nil) {
    self.startedAt = startedAt
    self.endedAt = endedAt
  }
}
