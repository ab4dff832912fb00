import Foundation

/// One interpreter's work in one booth on one day.
public struct WorkloadDay: Codable, Equatable, Sendable {
  /// Seconds on microphone.
  public var micSeconds: TimeInterval
  /// Turns begun that day.
  public var turns: Int
  /// The longest of those turns, in seconds.
  public var longestTurn: TimeInterval
  /// Seconds the interpreter's booth worked while they were on its team (session time).
  public var boothSeconds: TimeInterval

  public init(
    micSeconds: TimeInterval = 0, turns: Int = 0, longestTurn: TimeInterval = 0, boothSeconds: TimeInterval = 0
  ) {
    self.micSeconds = micSeconds
    self.turns = turns
    self.longestTurn = longestTurn
    self.boothSeconds = boothSeconds
  }

  /// Adds another record of the same key.
  public mutating func add(_ other: WorkloadDay) {
    micSeconds += other.micSeconds
    turns += other.turns
    longestTurn = max(longestTurn, other.longestTurn)
    boothSeconds += other.boothSeconds
  }
}
