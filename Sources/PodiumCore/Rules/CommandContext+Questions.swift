import Foundation

extension CommandContext {
  /// Question `id` of the room's board; `live` refuses a merged one. `field` names the argument.
  func question(_ id: Question.ID, live: Bool = false, field: String = "question") throws -> Question {
    guard let question = board.questions[id] else {
      throw CommandRejection(.invalidArgument, "no question '\(id)' in this room", field: field)
    }
    if live, question.state == .merged {
      throw CommandRejection(
        .notAllowedInState, "question '\(id)' was merged into '\(question.mergedInto ?? "")'", field: field)
    }
    return question
  }

  /// The trimmed text of a question, if it is not empty and not too long.
  func questionText(_ text: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let limit = conference.moderation.maximumLength
    guard !trimmed.isEmpty else { throw CommandRejection(.invalidArgument, "the question is empty", field: "text") }
    guard trimmed.count <= limit else {
      throw CommandRejection(
        .invalidArgument, "the question is \(trimmed.count) characters; at most \(limit) are allowed", field: "text")
    }
    return trimmed
  }

  /// Takes `id` off screen (and out of "next") before it leaves the approved questions.
  func offScreen(_ id: Question.ID, by moderator: String) -> [any Event] {
    var events: [any Event] = []
    if board.onScreen == id { events.append(QuestionHidden(room: room.id, by: moderator, at: now)) }
    if board.nextUp == id { events.append(NextQuestionSet(room: room.id, question: nil, by: moderator, at: now)) }
    return events
  }

  /// Refuses an empty device id.
  func requireDevice(_ device: String) throws {
    guard !device.isEmpty else {
      throw CommandRejection(.invalidArgument, "a device id is required", field: "device")
    }
  }
}
