/// A room's audience questions: every question, who voted, what is on screen, intake, bans.
public struct QuestionBoard: Codable, Equatable, Sendable {
  public var questions: [Question.ID: Question]
  /// Devices that voted, per question.
  public var voters: [Question.ID: Set<String>]
  public var intake: Intake
  /// The question on screen now.
  public var onScreen: Question.ID?
  /// The question to put on screen next.
  public var nextUp: Question.ID?
  /// Devices that may no longer ask or vote.
  public var bannedDevices: Set<String>

  public init(
    questions: [Question.ID: Question] = [:], voters: [Question.ID: Set<String>] = [:], intake: Intake = .open,
    onScreen: Question.ID? = nil, nextUp: Question.ID? = nil, bannedDevices: Set<String> = []
  ) {
    self.questions = questions
    self.voters = voters
    self.intake = intake
    self.onScreen = onScreen
    self.nextUp = nextUp
    self.bannedDevices = bannedDevices
  }

  /// The most questions a room keeps; more are refused.
  public static let capacity = 20_000
}
