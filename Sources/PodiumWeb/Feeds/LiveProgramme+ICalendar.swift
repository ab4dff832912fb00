import Foundation
import PodiumCore

extension LiveProgramme {
  /// The programme as iCalendar (RFC 5545) for calendar apps that subscribe to it: one
  /// `VEVENT` per session at its actual or expected times (UTC), `SEQUENCE` and
  /// `LAST-MODIFIED` moving on as they move, and the planned times and status in
  /// `X-PODIUM-PLANNED-START`, `X-PODIUM-PLANNED-END` and `X-PODIUM-STATUS`. A session
  /// skipped is `STATUS:CANCELLED`.
  public func iCalendar(name: String) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Podium//Live programme//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:\(Self.icalText(name))", "X-WR-TIMEZONE:\(conference.timeZone)",
      "REFRESH-INTERVAL;VALUE=DURATION:PT5M", "X-PUBLISHED-TTL:PT5M",
    ]
    let stamp = Self.utc(asOf)
    for item in items {
      let speakers = item.session.speakers.map(\.name).joined(separator: ", ")
      lines += [
        "BEGIN:VEVENT", "UID:\(item.guid)@podium", "DTSTAMP:\(stamp)", "DTSTART:\(Self.utc(item.start))",
        "DTEND:\(Self.utc(item.end))", "SUMMARY:\(Self.icalText(item.session.title))",
        "LOCATION:\(Self.icalText(item.room.name))",
      ]
      if !speakers.isEmpty { lines.append("DESCRIPTION:\(Self.icalText(speakers))") }
      if let language = item.session.language { lines.append("X-PODIUM-LANGUAGE:\(Self.icalText(language))") }
      lines += [
        "SEQUENCE:\(item.sequence(since: epoch))", "LAST-MODIFIED:\(Self.utc(item.lastModified))",
        "STATUS:\(item.status == .skipped ? "CANCELLED" : "CONFIRMED")",
        "X-PODIUM-SESSION:\(Self.icalText(item.session.id))", "X-PODIUM-ROOM:\(Self.icalText(item.room.id))",
        "X-PODIUM-STATUS:\(item.status.rawValue)", "X-PODIUM-PLANNED-START:\(Self.utc(item.session.plannedStart))",
        "X-PODIUM-PLANNED-END:\(Self.utc(item.session.plannedEnd))", "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
  }

  /// `20260625T080000Z`.
  static func utc(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d%02d%02dT%02d%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0,
      p.second ?? 0)
  }

  /// A TEXT value: backslash, semicolon, comma and line breaks escaped.
  static func icalText(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
      .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  /// A content line folded at 75 octets, never inside a character.
  static func folded(_ line: String) -> String {
    var out = "", count = 0
    for character in line {
      let size = character.utf8.count
      if count + size > 75 {
        out += "\r\n "
        count = 1
      }
      out.append(character)
      count += size
    }
    return out
  }
}
