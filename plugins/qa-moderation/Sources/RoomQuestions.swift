import Foundation
import PodiumCore
import PodiumProtocol

/// One room's questions as the plugin last published them: the board and every question.
struct RoomQuestions {
  /// The session on, as the pages title it.
  struct SessionSummary: Encodable, Equatable {
    var id: String
    var title: String
    var titles: [String: String]
  }

  /// What the audience page needs of the board.
  struct AudienceBoard: Encodable, Equatable {
    var intake: Intake
    var onScreen: Question.ID?
    var session: SessionSummary?
  }

  var board: QuestionBoardStatus
  var session: SessionSummary?
  var questions: [Question.ID: Question] = [:]

  init(room: Room.ID) {
    board = QuestionBoardStatus(room: room)
  }

  var audienceBoard: AudienceBoard {
    AudienceBoard(intake: board.intake, onScreen: board.onScreen, session: session)
  }

  /// The questions the audience sees, by votes then time.
  var audienceQuestions: [AudienceQuestion] {
    questions.values.compactMap(AudienceQuestion.init).sorted {
      ($1.votes, $0.submittedAt, $0.id) < ($0.votes, $1.submittedAt, $1.id)
    }
  }

  /// Every question, oldest first.
  var allQuestions: [Question] {
    questions.values.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
  }
}
