import Foundation

/// A session as it stood when it ended: what `reopen` gives back when it was ended by mistake.
public struct EndedSession: Codable, Equatable, Sendable {
  /// The session.
  public var session: Session.ID
  /// When it ended.
  public var endedAt: Date
  /// Its countdown at the end (absolute instants: reopened, it runs on as if never ended).
  public var timer: SessionTimer
  /// The speaker who had the floor, since when, and where their slot began.
  public var speakerIndex: Int
  public var speakerStartedAt: Date?
  public var slotStart: TimeInterval?
  /// The live lineup, if the operator had changed it.
  public var lineup: [Speaker]?

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case session = "session", endedAt = "endedAt", timer = "timer", speakerIndex = "speakerIndex"
    case speakerStartedAt = "speakerStartedAt", slotStart = "slotStart", lineup = "lineup"
  }

  public init(
    session: Session.ID, endedAt: Date, timer: SessionTimer, speakerIndex: Int, speakerStartedAt: Date?,
    slotStart: TimeInterval?, lineup: [Speaker]?
  ) {
    self.session = session
    self.endedAt = endedAt
    self.timer = timer
    self.speakerIndex = speakerIndex
    self.speakerStartedAt = speakerStartedAt
    self.slotStart = slotStart
    self.lineup = lineup
  }

  /// How long after an End a session whose countdown had already run out may still be reopened.
  public static let graceAfterOvertime: TimeInterval = 5 * 60

  /// Until when it may be reopened: while its own countdown has not run out, and at least
  /// `graceAfterOvertime` after the End.
  public var reopenableUntil: Date {
    max(timer.endsAt(at: endedAt), endedAt.addingTimeInterval(Self.graceAfterOvertime))
  }
}
