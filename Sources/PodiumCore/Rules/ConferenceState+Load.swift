extension ConferenceState {
  /// The events that bring `conference` into force: nothing if it is the programme
  /// in force already; else the new programme, and a `programmeChanged` for every
  /// room whose definition or sessions differ, so each room's followers hear of it.
  public func load(_ conference: Conference) -> [AnyEvent] {
    guard conference != self.conference else { return [] }
    let changedRooms = conference.rooms.filter { room in
      self.conference?.room(room.id) != room
        || self.conference?.sessions(in: room.id) != conference.sessions(in: room.id)
    }
    return [AnyEvent(ConferenceLoaded(conference: conference))]
      + changedRooms.map { AnyEvent(ProgrammeChanged(room: $0.id)) }
  }
}
