import Foundation

/// …which took the votes of devices that had not voted for it yet.
public struct VotesMerged: QuestionEvent {
  public static let type = "votesMerged"
  public static let topics: [TopicKind] = [.question]

  /// The room it happened in.
  public var room: Room.ID
  /// The question kept.
  public var question: Question.ID
  /// The devices whose votes moved over.
  public var voters: [String]
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, voters: [String], at: Date) {
    self.room = room
    self.question = question
    self.voters = voters
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", voters = "voters", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { board in
      let added = Set(voters).subtracting(board.voters[question] ?? [])
      board.voters[question, default: []].formUnion(added)
      board.questions[question]?.votes += added.count
    }
  }
}
