import Foundation

extension Conference {
  /// The same conference with every session moved by `interval` seconds.
  public func shifted(by interval: TimeInterval) -> Conference {
    var copy = self
    copy.sessions = sessions.map {
      var session = $0
      session.plannedStart += interval
      session.plannedEnd += interval
      return session
    }
    return copy
  }

  /// The same conference moved, by whole minutes, so that its first session began
  /// `lead` seconds before `now`: a demo that is "live" the moment it starts.
  public func live(at now: Date, lead: TimeInterval = 600) -> Conference {
    shifted(by: liveShift(at: now, lead: lead))
  }

  /// The shift, in whole minutes, that `live(at:lead:)` applies.
  public func liveShift(at now: Date, lead: TimeInterval = 600) -> TimeInterval {
    guard let first = sessions.map(\.plannedStart).min() else { return 0 }
    return ((now.timeIntervalSince(first) - lead) / 60).rounded(.down) * 60
  }
}
