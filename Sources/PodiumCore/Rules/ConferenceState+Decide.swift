import Foundation

extension ConferenceState {
  /// The longest time one `addTime` may add or remove, in seconds.
  public static let maximumTimeAdjustment: TimeInterval = 3 * 3600

  /// The events that `command` causes at `now`, or why it is refused.
  ///
  /// Pure: reads nothing but its arguments. A refusal changes nothing.
  public func decide(_ command: Command, at now: Date) throws -> [Event] {
    switch command {
    case .room(let roomId, let roomCommand):
      let conference = try conferenceHaving(roomId)
      return try decide(roomCommand, in: roomId, conference: conference, at: now)
    case .interpretation(let roomId, let interpretationCommand):
      let conference = try conferenceHaving(roomId)
      return try decide(interpretationCommand, in: conference.room(roomId)!, conference: conference, at: now)
    case .questions(let roomId, let questionCommand):
      let conference = try conferenceHaving(roomId)
      return try decide(questionCommand, in: conference.room(roomId)!, conference: conference, at: now)
    }
  }

  /// The conference in force, if it has the room.
  private func conferenceHaving(_ roomId: Room.ID) throws -> Conference {
    guard let conference else {
      throw CommandRejection(.notAllowedInState, "no conference is loaded yet")
    }
    guard conference.room(roomId) != nil else {
      let known = conference.rooms.map(\.id).joined(separator: ", ")
      throw CommandRejection(
        .unknownRoom, "no room '\(roomId)' in this conference (rooms: \(known))", field: "room")
    }
    return conference
  }

  private func decide(
    _ command: RoomCommand, in roomId: Room.ID, conference: Conference, at now: Date
  ) throws -> [Event] {
    let room = self.room(roomId)
    switch command {
    case .start(let requested):
      if let current = room.currentSessionId {
        throw CommandRejection(
          .notAllowedInState, "session '\(current)' is on in room '\(roomId)'; end it first")
      }
      let session = try sessionToStart(requested, in: roomId, conference: conference, at: now)
      return [.sessionStarted(room: roomId, session: session.id, at: now, duration: session.plannedDuration)]

    case .pause:
      let timer = try runningTimer(room)
      guard !timer.isPaused else {
        throw CommandRejection(.notAllowedInState, "the countdown in room '\(roomId)' is already paused")
      }
      return [.sessionPaused(room: roomId, at: now)]

    case .resume:
      let timer = try runningTimer(room)
      guard timer.isPaused else {
        throw CommandRejection(.notAllowedInState, "the countdown in room '\(roomId)' is not paused")
      }
      return [.sessionResumed(room: roomId, at: now)]

    case .end:
      _ = try runningTimer(room)
      // Interpreters' microphones go off with the session; slow-down requests end with it.
      let booths = conference.room(roomId)?.booths ?? []
      let turnsEnded = booths.compactMap { booth in
        room.interpretation.booth(booth.id).onMic.map {
          Event.turnEnded(room: roomId, booth: booth.id, interpreter: $0, at: now)
        }
      }
      let slowDowns = room.interpretation.booths.values.contains { $0.slowDownSince != nil }
      return turnsEnded + (slowDowns ? [.slowDownCleared(room: roomId)] : [])
        + [.sessionEnded(room: roomId, session: room.currentSessionId!, at: now)]

    case .nextSpeaker:
      _ = try runningTimer(room)
      let speakers = conference.session(room.currentSessionId!)?.speakers ?? []
      let next = room.speakerIndex + 1
      guard next < speakers.count else {
        throw CommandRejection(
          .notAllowedInState, "the last speaker of the session has the floor; there is no next speaker")
      }
      return [.speakerAdvanced(room: roomId, speakerIndex: next, at: now)]

    case .addTime(let seconds):
      _ = try runningTimer(room)
      guard seconds.isFinite, seconds != 0, abs(seconds) <= Self.maximumTimeAdjustment else {
        throw CommandRejection(
          .invalidArgument, "seconds must be non-zero and at most 3 hours either way (got \(seconds))",
          field: "seconds")
      }
      return [.timeAdded(room: roomId, seconds: seconds)]

    case .setThresholds(let thresholds):
      guard thresholds.danger.isFinite, thresholds.warning.isFinite, thresholds.danger >= 0,
        thresholds.warning > thresholds.danger, thresholds.warning <= 4 * 3600
      else {
        throw CommandRejection(
          .invalidArgument,
          "thresholds need 0 ≤ danger < warning ≤ 4 h (got warning \(thresholds.warning) s, danger \(thresholds.danger) s)",
          field: "warning")
      }
      return [.thresholdsSet(room: roomId, thresholds: thresholds)]

    case .showMessage(var message):
      message.text = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard message.text.count <= SpeakerMessage.maximumLength else {
        throw CommandRejection(
          .invalidArgument,
          "message text is \(message.text.count) characters; at most \(SpeakerMessage.maximumLength) fit a monitor",
          field: "text")
      }
      guard !message.text.isEmpty || message.blackout else {
        throw CommandRejection(.invalidArgument, "message text is empty (send clearMessage to clear)", field: "text")
      }
      return [.messageShown(room: roomId, message: message)]

    case .clearMessage:
      return room.message == nil ? [] : [.messageCleared(room: roomId)]
    }
  }

  private func runningTimer(_ room: RoomState) throws -> SessionTimer {
    guard let timer = room.timer, room.currentSessionId != nil else {
      throw CommandRejection(.notAllowedInState, "no session is on in room '\(room.roomId)'; start one first")
    }
    return timer
  }

  private func sessionToStart(
    _ requested: Session.ID?, in roomId: Room.ID, conference: Conference, at now: Date
  ) throws -> Session {
    guard let requested else {
      let timeline = RoomTimeline(conference: conference, state: room(roomId), at: now)
      guard let next = timeline.upcoming.first?.session else {
        throw CommandRejection(.notAllowedInState, "room '\(roomId)' has no session left to start")
      }
      return next
    }
    guard let session = conference.session(requested) else {
      throw CommandRejection(.unknownSession, "no session '\(requested)' in this conference", field: "session")
    }
    guard session.roomId == roomId else {
      throw CommandRejection(
        .invalidArgument, "session '\(requested)' takes place in room '\(session.roomId)', not '\(roomId)'",
        field: "session")
    }
    guard !room(roomId).hasEnded(requested) else {
      throw CommandRejection(.notAllowedInState, "session '\(requested)' has already ended", field: "session")
    }
    return session
  }
}
