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
      updateRoom(room) {
        $0.currentSessionId = session
        $0.timer = SessionTimer(startedAt: at, duration: duration)
        $0.speakerIndex = 0
        $0.speakerStartedAt = at
        $0.records[session] = SessionRecord(startedAt: at)
      }
    case .sessionPaused(let room, let at):
      updateRoom(room) { $0.timer?.pausedAt = at }
    case .sessionResumed(let room, let at):
      updateRoom(room) {
        guard let pausedAt = $0.timer?.pausedAt else { return }
        $0.timer?.pausedTotal += max(0, at.timeIntervalSince(pausedAt))
        $0.timer?.pausedAt = nil
      }
    case .sessionEnded(let room, let session, let at):
      updateRoom(room) {
        $0.records[session, default: SessionRecord(startedAt: at)].endedAt = at
        $0.currentSessionId = nil
        $0.timer = nil
        $0.speakerIndex = 0
        $0.speakerStartedAt = nil
      }
    case .speakerAdvanced(let room, let index, let at):
      updateRoom(room) {
        $0.speakerIndex = index
        $0.speakerStartedAt = at
      }
    case .timeAdded(let room, let seconds):
      updateRoom(room) { $0.timer?.added += seconds }
    case .thresholdsSet(let room, let thresholds):
      updateRoom(room) { $0.thresholds = thresholds }
    case .messageShown(let room, let message):
      updateRoom(room) { $0.message = message }
    case .messageCleared(let room):
      updateRoom(room) { $0.message = nil }
    }
  }

  private mutating func updateRoom(_ id: Room.ID, _ change: (inout RoomState) -> Void) {
    var room = self.room(id)
    change(&room)
    rooms[id] = room
  }
}
