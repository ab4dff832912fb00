import PodiumWeb

/// The rate limits of the audience's API.
struct QuestionLimits: Sendable {
  /// Questions per device per minute.
  let questions: RateLimiter
  /// Votes per device per minute.
  let votes: RateLimiter
  /// Posts per client address per minute (a whole room behind one NAT shares it).
  let addresses: RateLimiter

  init(questionsPerMinute: Int, votesPerMinute: Int, addressRequestsPerMinute: Int) {
    questions = RateLimiter(rate: questionsPerMinute)
    votes = RateLimiter(rate: votesPerMinute)
    addresses = RateLimiter(rate: addressRequestsPerMinute)
  }
}
