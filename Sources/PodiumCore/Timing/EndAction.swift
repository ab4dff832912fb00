/// What the daemon does when a session's countdown reaches zero: nothing (it runs over until
/// the operator ends it), end it so the next one waits for the operator, or end it and start
/// the next one at once.
public enum EndAction: String, Codable, CaseIterable, Sendable {
  case none, loadNext, startNext
}
