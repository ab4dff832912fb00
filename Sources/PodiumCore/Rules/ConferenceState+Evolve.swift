import Foundation

extension ConferenceState {
  /// The state after `event`. Events are facts: applying never fails.
  public func evolve(_ event: AnyEvent) -> ConferenceState {
    var next = self
    next.apply(event)
    return next
  }

  /// Applies `event` in place: each event type applies itself (`Event.apply(to:)`).
  public mutating func apply(_ event: AnyEvent) {
    event.event.apply(to: &self)
  }

  /// Changes one room's live state, in place (no copy of its records).
  mutating func updateRoom(_ id: Room.ID, _ change: (inout RoomState) -> Void) {
    change(&rooms[id, default: RoomState(roomId: id)])
  }

  /// Changes one booth's live state.
  mutating func updateBooth(_ booth: Booth.ID, in room: Room.ID, _ change: (inout BoothState) -> Void) {
    updateRoom(room) {
      var state = $0.interpretation.booth(booth)
      change(&state)
      $0.interpretation.booths[booth] = state
    }
  }

  /// Applies a change that may move the floor; booths that took relay and can now take
  /// the floor directly are told to go back to it.
  mutating func changeFloor(in room: Room.ID, at: Date, _ change: (inout RoomState) -> Void) {
    let before = relayMap(in: room)
    updateRoom(room, change)
    let after = relayMap(in: room)
    for (booth, source) in after where before[booth]?.kind == .relay && source.kind != .relay && source.kind != .none {
      updateBooth(booth, in: room) { $0.backToFloorAt = at }
    }
  }

  /// Changes one room's board of questions, in place: a copy of a board of thousands of
  /// questions for each vote would make every vote cost as much as the board.
  mutating func updateBoard(_ room: Room.ID, _ change: (inout QuestionBoard) -> Void) {
    change(&boards[room, default: QuestionBoard()])
  }

  /// Changes one question, if the room's board has it, in place.
  mutating func updateQuestion(_ id: Question.ID, in room: Room.ID, _ change: (inout Question) -> Void) {
    updateBoard(room) { board in
      guard board.questions[id] != nil else { return }
      change(&board.questions[id]!)
    }
  }

  /// Adds a finished turn to the interpreter's workload, split at midnight.
  mutating func recordTurn(of interpreter: Interpreter.ID, in room: Room.ID, booth: Booth.ID, until end: Date) {
    guard let conference, let start = self.room(room).interpretation.booth(booth).turnStartedAt else { return }
    let days = ConferenceDays(timeZone: conference.timeZone)
    for piece in days.split(from: start, to: end) {
      workload[WorkloadKey(interpreter: interpreter, room: room, booth: booth, day: piece.day), default: WorkloadDay()]
        .micSeconds += piece.seconds
    }
    let key = WorkloadKey(interpreter: interpreter, room: room, booth: booth, day: days.day(of: start))
    workload[key, default: WorkloadDay()].turns += 1
    workload[key, default: WorkloadDay()].longestTurn = max(
      workload[key]?.longestTurn ?? 0, max(0, end.timeIntervalSince(start)))
  }

  /// Adds the session that ends to the booth time of every booth's team, split at midnight.
  mutating func recordBoothTime(in room: Room.ID, until end: Date) {
    let state = self.room(room)
    guard let conference, let sessionId = state.currentSessionId, let record = state.records[sessionId] else { return }
    let start = record.countedUntil ?? record.startedAt
    let pieces = ConferenceDays(timeZone: conference.timeZone).split(from: start, to: end)
    for booth in conference.room(room)?.booths ?? [] {
      for interpreter in state.interpretation.booth(booth.id).team(of: booth) {
        for piece in pieces {
          workload[
            WorkloadKey(interpreter: interpreter, room: room, booth: booth.id, day: piece.day), default: WorkloadDay()
          ]
          .boothSeconds += piece.seconds
        }
      }
    }
  }
}
