import Foundation

extension ConferenceState {
  /// How `room` rolls now: as the operator last said, else as the programme says.
  public func rollMode(of room: Room) -> RollMode {
    self.room(room.id).roll ?? (room.roll == true ? .rolling : .off)
  }

  /// What the schedule makes due at `now`, room by room, in the order to decide them: the
  /// session on whose countdown reached zero is ended when its end action says so, and the
  /// next session starts when that end action says so, or when the room rolls and its
  /// planned start has come (or, the room running late, as soon as the one before ends).
  ///
  /// Each follows from the state alone: once decided it is no longer due, so a start that
  /// fell due while the daemon was down happens once when it is back.
  public func due(at now: Date) -> [ScheduledCommand] {
    guard let conference else { return [] }
    var due: [ScheduledCommand] = []
    for room in conference.rooms where mayFallDue(in: room) {
      let state = self.room(room.id)
      let timeline = RoomTimeline(conference: conference, state: state, at: now)
      var ending = false
      if let current = timeline.current, let action = current.session.endAction, action != .none,
        !current.timer.isPaused, current.endsAt <= now
      {
        due.append(
          ScheduledCommand(
            id: Self.scheduleId(room.id, EndSession.name, current.session.id, current.timer.startedAt),
            command: RoomCommand(EndSession(), in: room.id)))
        ending = true
        if action == .startNext, let next = timeline.upcoming.first {
          due.append(start(next.session, in: room.id))
          continue
        }
      }
      if timeline.current == nil || ending, rollMode(of: room) == .rolling, let next = timeline.upcoming.first,
        next.session.plannedStart <= now
      {
        due.append(start(next.session, in: room.id))
      }
    }
    return due
  }

  /// The next instant after `now` at which something may fall due (an end action's zero, a
  /// rolling room's next planned start); nil when nothing can. Paused countdowns wait.
  public func nextDue(after now: Date) -> Date? {
    guard let conference else { return nil }
    var instants: [Date] = []
    for room in conference.rooms where mayFallDue(in: room) {
      let timeline = RoomTimeline(conference: conference, state: self.room(room.id), at: now)
      if let current = timeline.current, let action = current.session.endAction, action != .none,
        !current.timer.isPaused
      {
        instants.append(current.endsAt)
      }
      if rollMode(of: room) == .rolling, let next = timeline.upcoming.first, timeline.current == nil {
        instants.append(next.session.plannedStart)
      }
    }
    return instants.filter { $0 > now }.min()
  }

  /// Whether anything can fall due in `room`: with a session on, only its end action can; with
  /// none on, a rolling room's next start. Checked before the room's timeline is worked out: it
  /// runs after every batch, and most rooms, most of the time, have a session on without one.
  private func mayFallDue(in room: Room) -> Bool {
    let state = self.room(room.id)
    if let id = state.currentSessionId, state.timer != nil, let session = conference?.session(id) {
      return (session.endAction ?? .none) != .none
    }
    return rollMode(of: room) == .rolling
  }

  private func start(_ session: Session, in room: Room.ID) -> ScheduledCommand {
    ScheduledCommand(
      id: Self.scheduleId(room, StartSession.name, session.id, session.plannedStart),
      command: RoomCommand(StartSession(session: session.id), in: room))
  }

  private static func scheduleId(_ room: Room.ID, _ action: String, _ session: Session.ID, _ instant: Date) -> String {
    "\(ScheduledCommand.idPrefix)\(room):\(action):\(session)@\(Int64((instant.timeIntervalSince1970 * 1000).rounded()))"
  }
}
