import Foundation

extension ConferenceState {
  /// Applies a question event to its room's board.
  mutating func applyQuestionEvent(_ event: Event) {
    guard let roomId = event.roomId else { return }
    var board = self.board(roomId)
    func update(_ id: Question.ID, _ change: (inout Question) -> Void) {
      guard var question = board.questions[id] else { return }
      change(&question)
      board.questions[id] = question
    }
    switch event {
    case .questionSubmitted(_, let question):
      board.questions[question.id] = question
    case .questionVoted(_, let id, let device, _):
      guard board.voters[id, default: []].insert(device).inserted else { break }
      update(id) { $0.votes += 1 }
    case .questionEdited(_, let id, let text, _, _):
      update(id) { $0.text = text }
    case .questionApproved(_, let id, _, _), .questionRestored(_, let id, _, _):
      update(id) { $0.state = .approved }
    case .questionDismissed(_, let id, _, _):
      update(id) { $0.state = .dismissed }
    case .questionStarred(_, let id, let starred, _, _):
      update(id) { $0.starred = starred }
    case .questionTagged(_, let id, let tags, _, _):
      update(id) { $0.tags = tags }
    case .questionMerged(_, let id, let target, _, _):
      update(id) {
        $0.state = .merged
        $0.mergedInto = target
      }
    case .votesMerged(_, let id, let voters, _):
      let added = Set(voters).subtracting(board.voters[id] ?? [])
      board.voters[id, default: []].formUnion(added)
      update(id) { $0.votes += added.count }
    case .questionShown(_, let id, _, _):
      board.onScreen = id
      if board.nextUp == id { board.nextUp = nil }
    case .questionHidden:
      board.onScreen = nil
    case .nextQuestionSet(_, let id, _, _):
      board.nextUp = id
    case .questionAnswered(_, let id, _, _):
      update(id) { $0.state = .answered }
    case .deviceBanned(_, let device, _, _):
      board.bannedDevices.insert(device)
    case .intakeChanged(_, let intake, _, _):
      board.intake = intake
    default:
      return
    }
    boards[roomId] = board
  }
}
