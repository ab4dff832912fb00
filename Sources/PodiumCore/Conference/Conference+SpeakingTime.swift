import Foundation

extension Conference {
  /// A sentence per session whose speakers' speaking times add up to more than the session:
  /// allowed (a chair may cut the questions), and worth a warning before the day.
  public var speakingTimeWarnings: [String] {
    sessions.compactMap { session in
      session.speakingTimeOverrun(of: session.speakers).map { overrun in
        let total = (Session.speakingTime(of: session.speakers) ?? 0) / 60
        return String(
          format: "session '%@': its speakers' times add up to %.1f min, %.1f min more than its %.0f min",
          session.id, total, overrun / 60, session.plannedDuration / 60)
      }
    }
  }
}
