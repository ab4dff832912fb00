import Foundation
import PodiumCore

extension LiveProgramme {
  /// The programme's days as frab counts them: the conference's local calendar days with
  /// sessions, each with its first start and last end.
  struct Day {
    var index: Int
    var date: String
    var start: Date
    var end: Date
    var items: [Item]
  }

  var days: [Day] {
    let calendar = ConferenceDays(timeZone: conference.timeZone)
    let grouped = Dictionary(grouping: items) { calendar.day(of: $0.start) }
    return grouped.keys.sorted().enumerated().map { index, date in
      let items = grouped[date] ?? []
      return Day(
        index: index + 1, date: date, start: items.map(\.start).min() ?? asOf, end: items.map(\.end).max() ?? asOf,
        items: items)
    }
  }

  /// The conference's time zone (UTC if unknown).
  var timeZone: TimeZone { TimeZone(identifier: conference.timeZone) ?? TimeZone(identifier: "UTC")! }

  /// `2026-06-25T09:05:00+01:00` in the conference's time zone.
  func localISO(_ date: Date) -> String {
    var style = Date.ISO8601FormatStyle(timeZone: timeZone)
    style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
    return date.formatted(style)
  }

  /// `09:05` in the conference's time zone.
  func localTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
  }

  /// `01:30` for a length in seconds.
  static func duration(_ seconds: TimeInterval) -> String {
    let minutes = max(0, Int((seconds / 60).rounded()))
    return String(format: "%02d:%02d", minutes / 60, minutes % 60)
  }

  /// frab's conference acronym: the conference id, lower case, `_` for `-`, at least four characters.
  var acronym: String {
    let base = conference.id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    return base.count >= 4 ? base : base + String(repeating: "_", count: 4 - base.count)
  }

  /// A session's slug (`[a-z0-9_-]`, ending in a letter or digit).
  static func slug(_ item: Item) -> String {
    let text = item.session.id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }
      .joined()
    return text.last.map { $0.isLetter || $0.isNumber } == true ? text : text + "0"
  }

  /// frab's event type: `talk` with speakers, `other` without (breaks).
  static func type(_ item: Item) -> String { item.session.speakers.isEmpty ? "other" : "talk" }
}
