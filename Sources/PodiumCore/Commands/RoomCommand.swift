import Foundation

/// What a room's operator can do to the session on stage.
public enum RoomCommand: Equatable, Sendable {
  /// Start a session: the one named, or the room's next one.
  case start(session: Session.ID?)
  /// Pause the countdown.
  case pause
  /// Resume a paused countdown.
  case resume
  /// End the session on now.
  case end
  /// Give the floor to the session's next speaker.
  case nextSpeaker
  /// Add (positive) or remove (negative) seconds from the session on now.
  case addTime(seconds: TimeInterval)
  /// Set when the countdown turns to warning and danger.
  case setThresholds(Thresholds)
  /// Show a message on the speaker's confidence monitor.
  case showMessage(SpeakerMessage)
  /// Take the message off the confidence monitor.
  case clearMessage
}
