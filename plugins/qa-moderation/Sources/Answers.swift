import PodiumCore
import PodiumProtocol

/// `GET /api/rooms/:room/questions`: what the audience page shows.
struct AudienceAnswer: Encodable {
  var room: Room.ID
  var intake: Intake
  var session: RoomQuestions.SessionSummary?
  var onScreen: Question.ID?
  var questions: [AudienceQuestion]
}

/// `GET /api/rooms/:room/moderation`: everything a moderator sees.
struct ModeratorAnswer: Encodable {
  var board: QuestionBoardStatus?
  var questions: [Question]
}
