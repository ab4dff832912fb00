import Foundation

/// Reopens the session this room ended last, ended by mistake: while its countdown has not
/// run out (and for five minutes after an End in overtime), and before another session starts.
public struct ReopenSession: Command {
  public static let name = "reopen"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [SessionReopened.self]

  /// The session to reopen; nil: the one ended last. Named, it must be that one.
  public var session: Session.ID?

  public init(session: Session.ID? = nil) {
    self.session = session
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case session = "session"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let room = context.roomState
    if let current = room.currentSessionId {
      throw CommandRejection(.notAllowedInState, "session '\(current)' is on in room '\(context.room.id)'")
    }
    guard let ended = room.lastEnded else {
      throw CommandRejection(
        .notAllowedInState,
        "room '\(context.room.id)' has no ended session to reopen: only the last one ended, before another starts")
    }
    if let session, session != ended.session {
      throw CommandRejection(
        .notAllowedInState, "only '\(ended.session)', the session ended last here, can be reopened", field: "session")
    }
    guard context.now <= ended.reopenableUntil else {
      let minutes = Int((context.now.timeIntervalSince(ended.endedAt) / 60).rounded(.down))
      throw CommandRejection(
        .notAllowedInState,
        "'\(ended.session)' ended \(minutes) min ago and its time has run out: it can no longer be reopened")
    }
    return [SessionReopened(room: context.room.id, session: ended.session, at: context.now, restored: ended)]
  }
}
