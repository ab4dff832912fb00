import Foundation

/// The audience asks a question; the plugin chooses its id and the device's opaque id.
public struct SubmitQuestion: Command {
  public static let name = "submitQuestion"
  public static let sender = Sender.audience
  public static let events: [any Event.Type] = [QuestionSubmitted.self]

  /// The question's id: ASCII letters, digits, `-` or `_`, at most 64.
  public var question: Question.ID
  /// What is asked (trimmed).
  public var text: String
  /// The asker's name; nil: anonymous.
  public var name: String?
  /// The language it is written in; nil: guessed (Arabic script) or unknown.
  public var language: String?
  /// The asker's opaque device id, for votes and bans.
  public var device: String

  public init(question: Question.ID, text: String, name: String? = nil, language: String? = nil, device: String) {
    self.question = question
    self.text = text
    self.name = name
    self.language = language
    self.device = device
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", text = "text", name = "name", language = "language", device = "device"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let board = context.board
    let roomId = context.room.id
    let rules = context.conference.moderation
    guard board.intake == .open else {
      throw CommandRejection(
        .notAllowedInState,
        "questions are \(board.intake == .paused ? "paused" : "closed") in room '\(roomId)' for now")
    }
    guard !board.bannedDevices.contains(device) else {
      throw CommandRejection(.notAllowedInState, "this device may not ask questions")
    }
    guard Self.isIdentifier(question) else {
      throw CommandRejection(
        .invalidArgument, "question id '\(question)' must be 1 to 64 ASCII letters, digits, '-' or '_'",
        field: "question")
    }
    guard board.questions[question] == nil else {
      throw CommandRejection(.invalidArgument, "question id '\(question)' is taken", field: "question")
    }
    guard !device.isEmpty, device.count <= 100 else {
      throw CommandRejection(.invalidArgument, "a device id is 1 to 100 characters", field: "device")
    }
    guard board.questions.count < QuestionBoard.capacity else {
      throw CommandRejection(.notAllowedInState, "room '\(roomId)' has reached \(QuestionBoard.capacity) questions")
    }
    let text = try context.questionText(self.text)
    let name = name?.trimmingCharacters(in: .whitespacesAndNewlines)
    guard (name?.count ?? 0) <= rules.maximumNameLength else {
      throw CommandRejection(
        .invalidArgument, "the name is over \(rules.maximumNameLength) characters", field: "name")
    }
    if let language, !context.conference.languages.contains(where: { $0.code == language }) {
      let known = context.conference.languages.map(\.code).joined(separator: ", ")
      throw CommandRejection(
        .invalidArgument, "'\(language)' is not a language of this conference (languages: \(known))",
        field: "language")
    }
    let written = language ?? Self.guessLanguage(text)
    let asked = Question(
      id: question, room: roomId, session: context.roomState.currentSessionId, text: text,
      name: name?.isEmpty == false ? name : nil, language: written, device: device,
      held: rules.holdReason(text, language: written), submittedAt: context.now)
    return [QuestionSubmitted(room: roomId, question: asked)]
  }

  /// `ar` for text mostly in Arabic script; otherwise unknown.
  static func guessLanguage(_ text: String) -> String? {
    let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
    let arabic = letters.filter { (0x0600...0x06FF).contains($0.value) || (0x0750...0x077F).contains($0.value) }
    return !letters.isEmpty && arabic.count * 2 > letters.count ? "ar" : nil
  }

  /// ASCII letters, digits, `-` and `_`, 1 to 64 of them.
  static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.count <= 64
      && text.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
      }
  }
}
