import Foundation

/// A device voted for a question (once per device).
public struct QuestionVoted: QuestionEvent {
  public static let type = "questionVoted"
  public static let topics: [TopicKind] = [.question]

  /// The room it happened in.
  public var room: Room.ID
  /// The question.
  public var question: Question.ID
  /// The voter's opaque device id.
  public var device: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, device: String, at: Date) {
    self.room = room
    self.question = question
    self.device = device
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", device = "device", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { board in
      guard board.voters[question, default: []].insert(device).inserted else { return }
      board.questions[question]?.votes += 1
    }
  }
}
