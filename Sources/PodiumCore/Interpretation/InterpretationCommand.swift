import Foundation

/// What interpreters, the chief interpreter and operators can do in a room's booths.
public enum InterpretationCommand: Equatable, Sendable {
  /// An interpreter switches their microphone on; a partner who is live is cut off (interlock).
  case takeMicrophone(booth: Booth.ID, interpreter: Interpreter.ID)
  /// The interpreter on microphone asks a named partner to take over.
  case requestHandover(booth: Booth.ID, to: Interpreter.ID)
  /// The partner a handover was asked of takes over.
  case acceptHandover(booth: Booth.ID)
  /// The booth's microphone goes off.
  case microphoneOff(booth: Booth.ID)
  /// Push-to-mute (cough) pressed (`true`) or released (`false`).
  case cough(booth: Booth.ID, muted: Bool)
  /// The booth asks the speaker to slow down (`true`), or withdraws the request.
  case slowDown(booth: Booth.ID, active: Bool)
  /// Takes every slow-down request of the room off the speaker's monitor.
  case clearSlowDown
  /// A booth writes to the chief interpreter.
  case messageChief(booth: Booth.ID, text: String)
  /// The chief interpreter writes to a booth.
  case messageBooth(booth: Booth.ID, text: String)
  /// Sets the floor language, or (`nil`) lets it follow the speaker again.
  case setFloorLanguage(String?)
  /// Sets who works in a booth, in order.
  case assignTeam(booth: Booth.ID, interpreters: [Interpreter.ID])
  /// Sets how long a booth's turns are, in seconds.
  case setTurnLength(booth: Booth.ID, seconds: TimeInterval)
}
