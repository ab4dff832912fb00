extension RoomStatus {
  /// Whether this status says what `other` says apart from the passing of time: the daemon
  /// republishes a room with a new `asOf` (and the time left, phases and expected starts that
  /// follow from it) while nothing happened. Followers that act on changes (variables pushed
  /// to a control surface, automations) compare with this, and leave the clock to their ticks.
  public func saysSame(as other: RoomStatus) -> Bool {
    room == other.room && state == other.state && thresholds == other.thresholds && message == other.message
      && qa == other.qa && questionOnScreen == other.questionOnScreen && slowDown == other.slowDown
      && upcoming.map(\.session.id) == other.upcoming.map(\.session.id)
  }
}
