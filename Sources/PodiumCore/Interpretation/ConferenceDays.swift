import Foundation

/// Splits spans of time into the conference's calendar days (in its time zone), so a
/// turn or session running past midnight counts on both days.
public struct ConferenceDays: Sendable {
  private let calendar: Calendar

  public init(timeZone identifier: String) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    self.calendar = calendar
  }

  /// The day of `instant`, as `yyyy-MM-dd`.
  public func day(of instant: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// The seconds of `start..<end` that fall on each day, in order.
  public func split(from start: Date, to end: Date) -> [(day: String, seconds: TimeInterval)] {
    guard end > start else { return [] }
    var pieces: [(day: String, seconds: TimeInterval)] = []
    var cursor = start
    while cursor < end {
      let nextMidnight =
        calendar.nextDate(
          after: cursor, matching: DateComponents(hour: 0, minute: 0, second: 0), matchingPolicy: .nextTime)
        ?? end
      let pieceEnd = min(end, nextMidnight)
      pieces.append((day(of: cursor), pieceEnd.timeIntervalSince(cursor)))
      cursor = pieceEnd
    }
    return pieces
  }
}
