import Foundation

extension CommandContext {
  /// The countdown of the session on, or a refusal when none is on.
  func runningTimer() throws -> SessionTimer {
    guard let timer = roomState.timer, roomState.currentSessionId != nil else {
      throw CommandRejection(.notAllowedInState, "no session is on in room '\(room.id)'; start one first")
    }
    return timer
  }
}
