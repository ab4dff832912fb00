import Foundation

extension ConferenceState {
  /// The events that `command` causes at `now`, or why it is refused.
  ///
  /// Pure: reads nothing but its arguments. A refusal changes nothing. The checks every
  /// command shares come first (a programme in force, a room it has), then the command's
  /// own rule.
  public func decide(_ command: RoomCommand, at now: Date) throws -> [AnyEvent] {
    guard let conference else {
      throw CommandRejection(.notAllowedInState, "no conference is loaded yet")
    }
    guard let room = conference.room(command.room) else {
      let known = conference.rooms.map(\.id).joined(separator: ", ")
      throw CommandRejection(
        .unknownRoom, "no room '\(command.room)' in this conference (rooms: \(known))", field: "room")
    }
    let events = try command.command.decide(CommandContext(state: self, conference: conference, room: room, now: now))
    assert(
      events.allSatisfy { event in type(of: command.command).events.contains { $0.type == type(of: event).type } },
      "\(command.name) caused an event it does not declare")
    return events.map(AnyEvent.init)
  }
}
