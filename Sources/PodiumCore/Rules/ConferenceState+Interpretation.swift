import Foundation

extension ConferenceState {
  /// The shortest and longest turn length a booth may be given.
  public static let turnLengthRange: ClosedRange<TimeInterval> = 5 * 60...2 * 3600

  /// The events an interpretation command causes at `now`, or why it is refused.
  func decide(
    _ command: InterpretationCommand, in room: Room, conference: Conference, at now: Date
  ) throws -> [Event] {
    let state = self.room(room.id).interpretation
    let roomId = room.id
    switch command {
    case .takeMicrophone(let boothId, let interpreter):
      let booth = try self.booth(boothId, in: room)
      let live = state.booth(boothId)
      try requireMember(interpreter, of: booth, live: live, field: "interpreter")
      if live.onMic == interpreter { return [] }
      let cutOff = live.onMic.map { Event.turnEnded(room: roomId, booth: boothId, interpreter: $0, at: now) }
      return (cutOff.map { [$0] } ?? []) + [
        .turnStarted(room: roomId, booth: boothId, interpreter: interpreter, at: now)
      ]

    case .requestHandover(let boothId, let partner):
      let booth = try self.booth(boothId, in: room)
      let live = state.booth(boothId)
      guard let onMic = live.onMic else {
        throw CommandRejection(
          .notAllowedInState, "nobody is on microphone in booth '\(boothId)'; take the microphone instead")
      }
      try requireMember(partner, of: booth, live: live, field: "to")
      guard partner != onMic else {
        throw CommandRejection(.invalidArgument, "'\(partner)' is already on microphone; name a partner", field: "to")
      }
      return [.handoverRequested(room: roomId, booth: boothId, from: onMic, to: partner, at: now)]

    case .acceptHandover(let boothId):
      _ = try self.booth(boothId, in: room)
      let live = state.booth(boothId)
      guard let request = live.handover else {
        throw CommandRejection(.notAllowedInState, "no handover was asked in booth '\(boothId)'")
      }
      let cutOff = live.onMic.map { Event.turnEnded(room: roomId, booth: boothId, interpreter: $0, at: now) }
      return (cutOff.map { [$0] } ?? []) + [
        .turnStarted(room: roomId, booth: boothId, interpreter: request.to, at: now)
      ]

    case .microphoneOff(let boothId):
      _ = try self.booth(boothId, in: room)
      guard let onMic = state.booth(boothId).onMic else { return [] }
      return [.turnEnded(room: roomId, booth: boothId, interpreter: onMic, at: now)]

    case .cough(let boothId, let muted):
      _ = try self.booth(boothId, in: room)
      let live = state.booth(boothId)
      if live.muted == muted { return [] }
      guard live.onMic != nil || !muted else {
        throw CommandRejection(.notAllowedInState, "no microphone is on in booth '\(boothId)'; nothing to mute")
      }
      return [.coughChanged(room: roomId, booth: boothId, muted: muted, at: now)]

    case .slowDown(let boothId, let active):
      _ = try self.booth(boothId, in: room)
      if (state.booth(boothId).slowDownSince != nil) == active { return [] }
      return [.slowDownChanged(room: roomId, booth: boothId, active: active, at: now)]

    case .clearSlowDown:
      return state.booths.values.contains { $0.slowDownSince != nil } ? [.slowDownCleared(room: roomId)] : []

    case .messageChief(let boothId, let text), .messageBooth(let boothId, let text):
      _ = try self.booth(boothId, in: room)
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { throw CommandRejection(.invalidArgument, "the message is empty", field: "text") }
      guard trimmed.count <= BoothMessage.maximumLength else {
        throw CommandRejection(
          .invalidArgument,
          "the message is \(trimmed.count) characters; at most \(BoothMessage.maximumLength) are allowed",
          field: "text")
      }
      let sender: BoothMessage.Sender = if case .messageChief = command { .booth } else { .chief }
      return [
        .boothMessageSent(room: roomId, booth: boothId, message: BoothMessage(from: sender, text: trimmed, at: now))
      ]

    case .setFloorLanguage(let language):
      guard let language else {
        return state.floorOverride == nil ? [] : [.floorLanguageSet(room: roomId, language: nil, at: now)]
      }
      guard conference.languages.contains(where: { $0.code == language }) else {
        let known = conference.languages.map(\.code).joined(separator: ", ")
        throw CommandRejection(
          .invalidArgument, "'\(language)' is not a language of this conference (languages: \(known))",
          field: "language")
      }
      let covered = Set(room.booths.flatMap { [$0.language] + $0.sourceLanguages })
      guard room.booths.isEmpty || covered.contains(language) else {
        throw CommandRejection(
          .invalidArgument,
          "no booth of room '\(roomId)' can take '\(language)' (its booths take: \(covered.sorted().joined(separator: ", ")))",
          field: "language")
      }
      if state.floorOverride == language { return [] }
      return [.floorLanguageSet(room: roomId, language: language, at: now)]

    case .assignTeam(let boothId, let interpreters):
      _ = try self.booth(boothId, in: room)
      guard !interpreters.isEmpty else {
        throw CommandRejection(.invalidArgument, "a booth's team needs at least one interpreter", field: "interpreters")
      }
      guard Set(interpreters).count == interpreters.count else {
        throw CommandRejection(.invalidArgument, "an interpreter is listed twice", field: "interpreters")
      }
      if let unknown = interpreters.first(where: { conference.interpreter($0) == nil }) {
        throw CommandRejection(
          .invalidArgument, "no interpreter '\(unknown)' in this conference", field: "interpreters")
      }
      if let onMic = state.booth(boothId).onMic, !interpreters.contains(onMic) {
        throw CommandRejection(
          .notAllowedInState, "'\(onMic)' is on microphone in booth '\(boothId)'; hand over before leaving the team",
          field: "interpreters")
      }
      return [.teamAssigned(room: roomId, booth: boothId, interpreters: interpreters)]

    case .setTurnLength(let boothId, let seconds):
      _ = try self.booth(boothId, in: room)
      guard seconds.isFinite, Self.turnLengthRange.contains(seconds) else {
        throw CommandRejection(
          .invalidArgument, "a turn lasts 5 to 120 minutes (got \(seconds) seconds)", field: "seconds")
      }
      return [.turnLengthSet(room: roomId, booth: boothId, seconds: seconds)]
    }
  }

  private func booth(_ id: Booth.ID, in room: Room) throws -> Booth {
    guard let booth = room.booths.first(where: { $0.id == id }) else {
      let known = room.booths.map(\.id).joined(separator: ", ")
      throw CommandRejection(
        .unknownBooth, "no booth '\(id)' in room '\(room.id)' (booths: \(known.isEmpty ? "none" : known))",
        field: "booth")
    }
    return booth
  }

  private func requireMember(_ interpreter: Interpreter.ID, of booth: Booth, live: BoothState, field: String) throws {
    let team = live.team(of: booth)
    guard team.contains(interpreter) else {
      throw CommandRejection(
        .invalidArgument,
        "'\(interpreter)' is not in booth '\(booth.id)''s team (team: \(team.joined(separator: ", ")))", field: field)
    }
  }
}
