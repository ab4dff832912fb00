import Foundation

/// What a room looks like at one instant: the session on, the sessions to come with
/// their expected starts, and how late the room runs.
///
/// Lateness follows Ontime's offset rule: the session on is projected to end at
/// its end or now, whichever is later; each later session is expected at its
/// planned start or when the one before it is expected to end, whichever is
/// later, so a gap in the schedule absorbs lateness.
public struct RoomTimeline: Equatable, Sendable {
  /// The session on now, with its timing at the instant.
  public struct Current: Equatable, Sendable {
    public var session: Session
    public var timer: SessionTimer
    /// Seconds left; negative when running over.
    public var timeLeft: TimeInterval
    /// Seconds spoken, pauses excluded.
    public var elapsed: TimeInterval
    /// The phase for the time left and the room's thresholds.
    public var phase: Phase
    /// When the session ends if nothing changes.
    public var endsAt: Date
    /// The speaker who has the floor, if the session lists speakers.
    public var speaker: Speaker?
    /// The speaker after them, if any.
    public var nextSpeaker: Speaker?
    /// The language on the floor: the speaker's, else the session's.
    public var floorLanguage: String?
    /// The session's speakers in their live order.
    public var lineup: [Speaker]
    /// The speaking slot of the speaker with the floor, when they have a speaking time.
    public var slot: SpeakingSlot?
  }

  /// A session still to come, with when it is now expected to start.
  public struct Upcoming: Equatable, Sendable {
    public var session: Session
    /// Expected start: planned start pushed by the lateness that gaps did not absorb.
    public var expectedStart: Date
    /// Seconds between planned and expected start (never negative).
    public var delay: TimeInterval
  }

  /// The session on now.
  public var current: Current?
  /// Sessions still to come, in order.
  public var upcoming: [Upcoming]
  /// How late the room runs, in seconds (negative when early).
  public var offset: TimeInterval

  /// The next session, if one is to come.
  public var next: Upcoming? { upcoming.first }

  /// The timeline of `state`'s room in `conference` at instant `now`.
  public init(conference: Conference, state: RoomState, at now: Date) {
    let sessions = conference.sessions(in: state.roomId)
    var cursor = now
    var offset: TimeInterval = 0
    var laterThan: Date?

    if let id = state.currentSessionId, let timer = state.timer,
      let session = conference.session(id)
    {
      let timeLeft = timer.timeLeft(at: now)
      let lineup = state.speakers(of: session)
      let speaker = lineup.indices.contains(state.speakerIndex) ? lineup[state.speakerIndex] : nil
      let nextIndex = state.speakerIndex + 1
      current = Current(
        session: session, timer: timer, timeLeft: timeLeft, elapsed: timer.elapsed(at: now),
        phase: state.thresholds.phase(timeLeft: timeLeft), endsAt: timer.endsAt(at: now),
        speaker: speaker, nextSpeaker: lineup.indices.contains(nextIndex) ? lineup[nextIndex] : nil,
        floorLanguage: session.floorLanguage(speakerIndex: state.speakerIndex, of: lineup), lineup: lineup,
        slot: SpeakingSlot(state: state, lineup: lineup, at: now))
      cursor = timer.projectedEnd(at: now)
      offset = cursor.timeIntervalSince(session.plannedEnd)
      laterThan = session.plannedStart
    } else {
      current = nil
      laterThan = sessions.filter { state.records[$0.id] != nil }.map(\.plannedStart).max()
    }

    var upcoming: [Upcoming] = []
    for session in sessions where state.records[session.id] == nil {
      if let laterThan, session.plannedStart < laterThan { continue }
      let expected = max(session.plannedStart, cursor)
      upcoming.append(
        Upcoming(session: session, expectedStart: expected, delay: expected.timeIntervalSince(session.plannedStart)))
      cursor = expected.addingTimeInterval(session.plannedDuration)
    }
    self.upcoming = upcoming
    if current == nil {
      offset = upcoming.first?.delay ?? 0
    }
    self.offset = offset
  }
}
