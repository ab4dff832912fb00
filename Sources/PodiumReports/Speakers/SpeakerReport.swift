import Foundation
import PodiumCore

/// Planned against actual speaking time for every speaker of every session, from the event
/// log: who had the floor, and for how long while the countdown ran (pauses excluded).
///
/// Built by `SpeakerReport.Recorder` while the log replays: it watches who has the floor in
/// each room after every event. Pure: events and instants come in, nothing is read.
public struct SpeakerReport: Sendable {
  /// One speaker of one session.
  public struct Line: Equatable, Sendable {
    public var room: Room.ID
    public var session: Session.ID
    public var title: String
    public var speaker: String
    /// Their speaking time, in seconds, as programmed or set live; nil: none was given.
    public var planned: TimeInterval?
    /// Seconds they had the floor while the countdown ran.
    public var spoken: TimeInterval

    /// Seconds spoken beyond the speaking time (negative: shorter); nil without one.
    public var overrun: TimeInterval? { planned.map { spoken - $0 } }
  }

  /// The lines, room by room in the conference's order, sessions in planned order, speakers
  /// in the order they spoke (those who never did after, with 0 s).
  public var lines: [Line]
  /// The conference's time zone, for the reader.
  public var timeZone: String
}
