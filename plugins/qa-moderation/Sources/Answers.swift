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
  var board: QuestionBoardStatus
  var questions: [Question]
}

/// `GET /api/rooms`: the conference's rooms and where their audience asks.
struct RoomListing: Encodable {
  var id: Room.ID
  var name: String
  var names: [String: String]
}
