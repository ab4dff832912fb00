import Foundation

extension ConferenceState {
  /// The state after `event`. Events are facts: applying never fails.
  public func evolve(_ event: Event) -> ConferenceState {
    var next = self
    next.apply(event)
    return next
  }

  /// Applies `event` in place.
  public mutating func apply(_ event: Event) {
    switch event {
    case .conferenceLoaded(let conference):
      self.conference = conference
      for room in conference.rooms where rooms[room.id] == nil {
        rooms[room.id] = RoomState(roomId: room.id)
      }
    case .programmeChanged(let room):
      updateRoom(room) { _ in }
    case .sessionStarted(let room, let session, let at, let duration):
      changeFloor(in: room, at: at) {
        $0.currentSessionId = session
        $0.timer = SessionTimer(startedAt: at, duration: duration)
        $0.speakerIndex = 0
        $0.speakerStartedAt = at
        $0.records[session] = SessionRecord(startedAt: at)
        $0.interpretation.floorOverride = nil
      }
      boards[room, default: QuestionBoard()].intake = .open
    case .sessionPaused(let room, let at):
      updateRoom(room) { $0.timer?.pausedAt = at }
    case .sessionResumed(let room, let at):
      updateRoom(room) {
        guard let pausedAt = $0.timer?.pausedAt else { return }
        $0.timer?.pausedTotal += max(0, at.timeIntervalSince(pausedAt))
        $0.timer?.pausedAt = nil
      }
    case .sessionEnded(let room, let session, let at):
      recordBoothTime(in: room, until: at)
      updateRoom(room) {
        $0.records[session, default: SessionRecord(startedAt: at)].endedAt = at
        $0.currentSessionId = nil
        $0.timer = nil
        $0.speakerIndex = 0
        $0.speakerStartedAt = nil
      }
    case .speakerAdvanced(let room, let index, let at):
      changeFloor(in: room, at: at) {
        $0.speakerIndex = index
        $0.speakerStartedAt = at
        $0.interpretation.floorOverride = nil
        for id in $0.interpretation.booths.keys { $0.interpretation.booths[id]?.slowDownSince = nil }
      }
    case .timeAdded(let room, let seconds):
      updateRoom(room) { $0.timer?.added += seconds }
    case .thresholdsSet(let room, let thresholds):
      updateRoom(room) { $0.thresholds = thresholds }
    case .messageShown(let room, let message):
      updateRoom(room) { $0.message = message }
    case .messageCleared(let room):
      updateRoom(room) { $0.message = nil }
    case .teamAssigned(let room, let booth, let interpreters):
      updateBooth(booth, in: room) { $0.team = interpreters }
    case .turnStarted(let room, let booth, let interpreter, let at):
      updateBooth(booth, in: room) {
        $0.onMic = interpreter
        $0.turnStartedAt = at
        $0.muted = false
        $0.handover = nil
      }
    case .turnEnded(let room, let booth, let interpreter, let at):
      recordTurn(of: interpreter, in: room, booth: booth, until: at)
      updateBooth(booth, in: room) {
        guard $0.onMic == interpreter else { return }
        $0.onMic = nil
        $0.turnStartedAt = nil
        $0.muted = false
        $0.handover = nil
      }
    case .handoverRequested(let room, let booth, let from, let to, let at):
      updateBooth(booth, in: room) { $0.handover = HandoverRequest(from: from, to: to, at: at) }
    case .coughChanged(let room, let booth, let muted, _):
      updateBooth(booth, in: room) { $0.muted = muted }
    case .slowDownChanged(let room, let booth, let active, let at):
      updateBooth(booth, in: room) { $0.slowDownSince = active ? at : nil }
    case .slowDownCleared(let room):
      updateRoom(room) {
        for id in $0.interpretation.booths.keys { $0.interpretation.booths[id]?.slowDownSince = nil }
      }
    case .boothMessageSent(let room, let booth, let message):
      updateBooth(booth, in: room) { $0.messages = Array(($0.messages + [message]).suffix(BoothMessage.kept)) }
    case .floorLanguageSet(let room, let language, let at):
      changeFloor(in: room, at: at) { $0.interpretation.floorOverride = language }
    case .turnLengthSet(let room, let booth, let seconds):
      updateBooth(booth, in: room) { $0.turnLength = seconds }
    case .questionSubmitted, .questionVoted, .questionEdited, .questionApproved, .questionDismissed, .questionStarred,
      .questionTagged, .questionMerged, .votesMerged, .questionShown, .questionHidden, .nextQuestionSet,
      .questionAnswered, .questionRestored, .deviceBanned, .intakeChanged:
      applyQuestionEvent(event)
    }
  }

  private mutating func updateBooth(_ booth: Booth.ID, in room: Room.ID, _ change: (inout BoothState) -> Void) {
    updateRoom(room) {
      var state = $0.interpretation.booth(booth)
      change(&state)
      $0.interpretation.booths[booth] = state
    }
  }

  /// Applies a change that may move the floor; booths that took relay and can now take
  /// the floor directly are told to go back to it.
  private mutating func changeFloor(in room: Room.ID, at: Date, _ change: (inout RoomState) -> Void) {
    let before = relayMap(in: room)
    updateRoom(room, change)
    let after = relayMap(in: room)
    for (booth, source) in after where before[booth]?.kind == .relay && source.kind != .relay && source.kind != .none {
      updateBooth(booth, in: room) { $0.backToFloorAt = at }
    }
  }

  /// Adds a finished turn to the interpreter's workload, split at midnight.
  private mutating func recordTurn(of interpreter: Interpreter.ID, in room: Room.ID, booth: Booth.ID, until end: Date) {
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
  private mutating func recordBoothTime(in room: Room.ID, until end: Date) {
    let state = self.room(room)
    guard let conference, let sessionId = state.currentSessionId, let start = state.records[sessionId]?.startedAt
    else { return }
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

  private mutating func updateRoom(_ id: Room.ID, _ change: (inout RoomState) -> Void) {
    var room = self.room(id)
    change(&room)
    rooms[id] = room
  }
}
