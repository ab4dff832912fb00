import Foundation

extension RoomState {
  /// Starts the speaking slot of the speaker with the floor at `at`: kept only while the live
  /// lineup gives speaking times, so a session without them keeps the state it always had.
  mutating func startSlot(lineup: [Speaker], at: Date) {
    slotStart = Session.speakingTime(of: lineup) == nil ? nil : timer.map { $0.elapsed(at: at) }
  }
}
