/// Starts a session: the one named, or the room's next one. Its countdown is its planned length; the first speaker has the floor.
public struct StartSession: Command {
  public static let name = "start"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [SessionStarted.self]

  /// The session to start; nil: the first of the room's upcoming sessions.
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
      throw CommandRejection(
        .notAllowedInState, "session '\(current)' is on in room '\(context.room.id)'; end it first")
    }
    let started = try sessionToStart(context)
    return [
      SessionStarted(room: context.room.id, session: started.id, at: context.now, duration: started.plannedDuration)
    ]
  }

  /// The session named, or the next one; refused when it cannot start here.
  private func sessionToStart(_ context: CommandContext) throws -> Session {
    let roomId = context.room.id
    guard let session else {
      let timeline = RoomTimeline(conference: context.conference, state: context.roomState, at: context.now)
      guard let next = timeline.upcoming.first?.session else {
        throw CommandRejection(.notAllowedInState, "room '\(roomId)' has no session left to start")
      }
      return next
    }
    guard let found = context.conference.session(session) else {
      throw CommandRejection(.unknownSession, "no session '\(session)' in this conference", field: "session")
    }
    guard found.roomId == roomId else {
      throw CommandRejection(
        .invalidArgument, "session '\(session)' takes place in room '\(found.roomId)', not '\(roomId)'",
        field: "session")
    }
    guard !context.roomState.hasEnded(session) else {
      throw CommandRejection(.notAllowedInState, "session '\(session)' has already ended", field: "session")
    }
    return found
  }
}
