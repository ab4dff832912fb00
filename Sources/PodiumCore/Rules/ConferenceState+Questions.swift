import Foundation

extension ConferenceState {
  /// The events a question command causes at `now`, or why it is refused.
  func decide(_ command: QuestionCommand, in room: Room, conference: Conference, at now: Date) throws -> [Event] {
    let board = self.board(room.id)
    let roomId = room.id
    let rules = conference.moderation
    switch command {
    case .submit(let id, let text, let name, let language, let device):
      guard board.intake == .open else {
        throw CommandRejection(
          .notAllowedInState,
          "questions are \(board.intake == .paused ? "paused" : "closed") in room '\(roomId)' for now")
      }
      guard !board.bannedDevices.contains(device) else {
        throw CommandRejection(.notAllowedInState, "this device may not ask questions")
      }
      guard Self.isIdentifier(id), board.questions[id] == nil else {
        throw CommandRejection(.invalidArgument, "question id '\(id)' is taken or not an identifier", field: "id")
      }
      guard !device.isEmpty, device.count <= 100 else {
        throw CommandRejection(.invalidArgument, "a device id is 1 to 100 characters", field: "device")
      }
      guard board.questions.count < QuestionBoard.capacity else {
        throw CommandRejection(.notAllowedInState, "room '\(roomId)' has reached \(QuestionBoard.capacity) questions")
      }
      let text = try Self.questionText(text, rules: rules)
      let name = name?.trimmingCharacters(in: .whitespacesAndNewlines)
      guard (name?.count ?? 0) <= rules.maximumNameLength else {
        throw CommandRejection(
          .invalidArgument, "the name is over \(rules.maximumNameLength) characters", field: "name")
      }
      if let language, !conference.languages.contains(where: { $0.code == language }) {
        let known = conference.languages.map(\.code).joined(separator: ", ")
        throw CommandRejection(
          .invalidArgument, "'\(language)' is not a language of this conference (languages: \(known))",
          field: "language")
      }
      let written = language ?? Self.guessLanguage(text)
      let question = Question(
        id: id, room: roomId, session: self.room(roomId).currentSessionId, text: text,
        name: name?.isEmpty == false ? name : nil, language: written, device: device,
        held: rules.holdReason(text, language: written), submittedAt: now)
      return [.questionSubmitted(room: roomId, question: question)]

    case .vote(let id, let device):
      let question = try self.question(id, on: board)
      guard question.state == .approved else {
        throw CommandRejection(.notAllowedInState, "only approved questions take votes", field: "question")
      }
      guard !board.bannedDevices.contains(device) else {
        throw CommandRejection(.notAllowedInState, "this device may not vote")
      }
      guard !device.isEmpty else {
        throw CommandRejection(.invalidArgument, "a device id is required", field: "device")
      }
      if board.voters[id]?.contains(device) == true { return [] }
      return [.questionVoted(room: roomId, question: id, device: device, at: now)]

    case .approve(let id, let text, let by):
      let question = try self.question(id, on: board)
      guard question.state == .pending || question.state == .dismissed else {
        throw CommandRejection(.notAllowedInState, "question '\(id)' is \(question.state.rawValue), not pending")
      }
      var events: [Event] = []
      if let text {
        let edited = try Self.questionText(text, rules: rules)
        if edited != question.text {
          events.append(.questionEdited(room: roomId, question: id, text: edited, by: by, at: now))
        }
      }
      return events + [.questionApproved(room: roomId, question: id, by: by, at: now)]

    case .edit(let id, let text, let by):
      let question = try self.question(id, on: board, live: true)
      let edited = try Self.questionText(text, rules: rules)
      return edited == question.text ? [] : [.questionEdited(room: roomId, question: id, text: edited, by: by, at: now)]

    case .dismiss(let id, let by):
      let question = try self.question(id, on: board, live: true)
      if question.state == .dismissed { return [] }
      return offScreen(id, board, roomId, by, now) + [.questionDismissed(room: roomId, question: id, by: by, at: now)]

    case .star(let id, let starred, let by):
      let question = try self.question(id, on: board, live: true)
      return question.starred == starred
        ? [] : [.questionStarred(room: roomId, question: id, starred: starred, by: by, at: now)]

    case .tag(let id, let tags, let by):
      _ = try self.question(id, on: board, live: true)
      let cleaned = tags.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
      guard cleaned.count <= 10, cleaned.allSatisfy({ $0.count <= 30 }) else {
        throw CommandRejection(.invalidArgument, "at most 10 tags of at most 30 characters", field: "tags")
      }
      return [.questionTagged(room: roomId, question: id, tags: cleaned, by: by, at: now)]

    case .merge(let id, let target, let by):
      _ = try self.question(id, on: board, live: true)
      let into = try self.question(target, on: board, live: true, field: "into")
      guard id != target else {
        throw CommandRejection(.invalidArgument, "a question cannot be merged into itself", field: "into")
      }
      guard into.state != .dismissed else {
        throw CommandRejection(.notAllowedInState, "question '\(target)' is dismissed; merge into a kept one")
      }
      let moved = (board.voters[id] ?? []).subtracting(board.voters[target] ?? []).sorted()
      return offScreen(id, board, roomId, by, now) + [
        .questionMerged(room: roomId, question: id, into: target, by: by, at: now),
        .votesMerged(room: roomId, question: target, voters: moved, at: now),
      ]

    case .show(let id, let by):
      let question = try self.question(id, on: board)
      guard question.state == .approved else {
        throw CommandRejection(
          .notAllowedInState, "question '\(id)' is \(question.state.rawValue); approve it before showing it")
      }
      return board.onScreen == id ? [] : [.questionShown(room: roomId, question: id, by: by, at: now)]

    case .hide(let by):
      return board.onScreen == nil ? [] : [.questionHidden(room: roomId, by: by, at: now)]

    case .setNext(let id, let by):
      if let id {
        let question = try self.question(id, on: board)
        guard question.state == .approved else {
          throw CommandRejection(.notAllowedInState, "only an approved question can be next")
        }
      }
      return board.nextUp == id ? [] : [.nextQuestionSet(room: roomId, question: id, by: by, at: now)]

    case .answer(let id, let by):
      let question = try self.question(id, on: board)
      guard question.state == .approved else {
        throw CommandRejection(.notAllowedInState, "question '\(id)' is \(question.state.rawValue), not approved")
      }
      return offScreen(id, board, roomId, by, now) + [.questionAnswered(room: roomId, question: id, by: by, at: now)]

    case .restore(let id, let by):
      let question = try self.question(id, on: board)
      guard question.state == .answered else {
        throw CommandRejection(.notAllowedInState, "question '\(id)' is \(question.state.rawValue), not answered")
      }
      return [.questionRestored(room: roomId, question: id, by: by, at: now)]

    case .ban(let device, let by):
      guard !device.isEmpty else {
        throw CommandRejection(.invalidArgument, "a device id is required", field: "device")
      }
      if board.bannedDevices.contains(device) { return [] }
      let pending = board.questions.values.filter { $0.device == device && $0.state == .pending }
        .sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
      return [.deviceBanned(room: roomId, device: device, by: by, at: now)]
        + pending.map { .questionDismissed(room: roomId, question: $0.id, by: by, at: now) }

    case .setIntake(let intake, let by):
      return board.intake == intake ? [] : [.intakeChanged(room: roomId, intake: intake, by: by, at: now)]
    }
  }

  /// Takes `id` off screen (and out of "next") before it leaves the approved questions.
  private func offScreen(
    _ id: Question.ID, _ board: QuestionBoard, _ room: Room.ID, _ by: String, _ now: Date
  )
    -> [Event]
  {
    (board.onScreen == id ? [.questionHidden(room: room, by: by, at: now)] : [])
      + (board.nextUp == id ? [.nextQuestionSet(room: room, question: nil, by: by, at: now)] : [])
  }

  private func question(
    _ id: Question.ID, on board: QuestionBoard, live: Bool = false, field: String = "question"
  ) throws -> Question {
    guard let question = board.questions[id] else {
      throw CommandRejection(.invalidArgument, "no question '\(id)' in this room", field: field)
    }
    if live, question.state == .merged {
      throw CommandRejection(
        .notAllowedInState, "question '\(id)' was merged into '\(question.mergedInto ?? "")'", field: field)
    }
    return question
  }

  /// The trimmed text, if it is not empty and not too long.
  static func questionText(_ text: String, rules: ModerationRules) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw CommandRejection(.invalidArgument, "the question is empty", field: "text") }
    guard trimmed.count <= rules.maximumLength else {
      throw CommandRejection(
        .invalidArgument, "the question is \(trimmed.count) characters; at most \(rules.maximumLength) are allowed",
        field: "text")
    }
    return trimmed
  }

  /// `ar` for text mostly in Arabic script; otherwise unknown.
  static func guessLanguage(_ text: String) -> String? {
    let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
    let arabic = letters.filter { (0x0600...0x06FF).contains($0.value) || (0x0750...0x077F).contains($0.value) }
    return !letters.isEmpty && arabic.count * 2 > letters.count ? "ar" : nil
  }

  /// Letters, digits, `-` and `_`, 1 to 64 characters.
  static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 64
      && text.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
      }
  }
}
