import Foundation

/// The speaking slot of the speaker with the floor at one instant: their own countdown
/// inside the session's. It runs and pauses with the session's countdown.
public struct SpeakingSlot: Equatable, Sendable {
  /// The speaker's index in the live lineup.
  public var speakerIndex: Int
  /// Their speaking time, in seconds.
  public var allotted: TimeInterval
  /// Seconds they have spoken, pauses excluded.
  public var elapsed: TimeInterval
  /// Seconds left of their slot; negative when they run over.
  public var timeLeft: TimeInterval
  /// When their slot ends if nothing changes.
  public var endsAt: Date
  /// The phase of their countdown (`Thresholds.forSlot`).
  public var phase: Phase

  /// The slot of the speaker with the floor in `state`, whose lineup is `lineup`, at `now`;
  /// nil when they have no speaking time or no session is on.
  public init?(state: RoomState, lineup: [Speaker], at now: Date) {
    guard let timer = state.timer, let start = state.slotStart, lineup.indices.contains(state.speakerIndex),
      let allotted = lineup[state.speakerIndex].speakingTime
    else { return nil }
    speakerIndex = state.speakerIndex
    self.allotted = allotted
    elapsed = max(0, timer.elapsed(at: now) - start)
    timeLeft = allotted - elapsed
    endsAt = now.addingTimeInterval(timeLeft)
    phase = state.thresholds.forSlot(of: allotted).phase(timeLeft: timeLeft)
  }
}
