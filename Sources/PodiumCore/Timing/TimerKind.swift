/// What a session's screens count (Ontime's time strategies): the time left, the time spoken,
/// or the time of day. Phases follow the time left whatever is shown.
public enum TimerKind: String, Codable, CaseIterable, Sendable {
  case countDown, countUp, timeOfDay
}
