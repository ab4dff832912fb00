/// Ends the session on; interpreters' microphones go off with it and slow-down requests end.
/// Ended by mistake, it can be reopened (`ReopenSession`).
public struct EndSession: Command {
  public static let name = "end"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [TurnEnded.self, SlowDownCleared.self, SessionEnded.self]
  public typealias CodingKeys = NoArguments

  public init() {}

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let timer = try context.runningTimer()
    let roomId = context.room.id
    var events: [any Event] = context.room.booths.compactMap { booth in
      context.boothState(booth.id).onMic.map {
        TurnEnded(room: roomId, booth: booth.id, interpreter: $0, at: context.now)
      }
    }
    if context.interpretation.booths.values.contains(where: { $0.slowDownSince != nil }) {
      events.append(SlowDownCleared(room: roomId))
    }
    events.append(
      SessionEnded(room: roomId, session: context.roomState.currentSessionId!, at: context.now, countdown: timer))
    return events
  }
}
