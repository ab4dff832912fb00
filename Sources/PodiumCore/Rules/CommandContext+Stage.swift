import Foundation

extension CommandContext {
  /// The countdown of the session on, or a refusal when none is on.
  func runningTimer() throws -> SessionTimer {
    guard let timer = roomState.timer, roomState.currentSessionId != nil else {
      throw CommandRejection(.notAllowedInState, "no session is on in room '\(room.id)'; start one first")
    }
    return timer
  }

  /// The speakers of the session on in their live order (empty when none is on).
  var currentLineup: [Speaker] {
    guard let id = roomState.currentSessionId, let session = conference.session(id) else { return [] }
    return roomState.speakers(of: session)
  }
}
