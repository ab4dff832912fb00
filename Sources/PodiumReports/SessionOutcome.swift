import Foundation
import PodiumCore

/// What happened to one session, planned against actual.
public struct SessionOutcome: Equatable, Sendable {
  /// Where the session stands at the report's instant.
  public enum Status: String, Sendable {
    case planned, running, ended
    /// Never started, while a later session of its room did.
    case skipped
  }

  public var session: Session
  public var status: Status
  public var actualStart: Date?
  public var actualEnd: Date?

  /// Seconds between planned and actual start (positive: late).
  public var startDelay: TimeInterval? { actualStart.map { $0.timeIntervalSince(session.plannedStart) } }

  /// Seconds between planned and actual end (positive: ended late).
  public var endDelay: TimeInterval? { actualEnd.map { $0.timeIntervalSince(session.plannedEnd) } }

  /// Seconds spoken beyond the planned length (negative: shorter).
  public var overrun: TimeInterval? {
    guard let actualStart, let actualEnd else { return nil }
    return actualEnd.timeIntervalSince(actualStart) - session.plannedDuration
  }
}
