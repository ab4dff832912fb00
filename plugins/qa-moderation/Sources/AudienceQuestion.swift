import Foundation
import PodiumCore

/// A question as the audience sees it: approved or answered, without the asker's device.
struct AudienceQuestion: Encodable, Equatable {
  var id: String
  var text: String
  var name: String?
  var language: String?
  var votes: Int
  var state: Question.State
  var submittedAt: Date
  /// Whether the asking device voted for it (only in the audience API's answers).
  var voted: Bool?

  /// The audience's view of `question`, or nil when the audience must not see it.
  init?(_ question: Question) {
    guard question.state == .approved || question.state == .answered else { return nil }
    id = question.id
    text = question.text
    name = question.name
    language = question.language
    votes = question.votes
    state = question.state
    submittedAt = question.submittedAt
  }
}
