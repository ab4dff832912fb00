import Foundation

extension ProgrammeReport {
  /// One line per session: room, session, planned and actual times (local, ISO 8601 with
  /// offset), delays and overrun in whole seconds. RFC 4180 quoting.
  public var csv: String {
    let header = [
      "room", "session", "title", "status", "planned_start", "planned_end", "actual_start", "actual_end",
      "start_delay_s", "end_delay_s", "overrun_s",
    ]
    var lines = [header.joined(separator: ",")]
    for room in rooms {
      for outcome in room.sessions {
        let fields = [
          room.room.id, outcome.session.id, outcome.session.title, outcome.status.rawValue,
          localISO(outcome.session.plannedStart), localISO(outcome.session.plannedEnd),
          outcome.actualStart.map(localISO) ?? "", outcome.actualEnd.map(localISO) ?? "",
          outcome.startDelay.map(seconds) ?? "", outcome.endDelay.map(seconds) ?? "",
          outcome.overrun.map(seconds) ?? "",
        ]
        lines.append(fields.map(CSVField.quoted).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// `2026-06-25T09:00:00+01:00` in the conference's time zone.
  func localISO(_ date: Date) -> String {
    var style = Date.ISO8601FormatStyle(timeZone: timeZone)
    style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
    return date.formatted(style)
  }

  private func seconds(_ interval: TimeInterval) -> String { String(Int(interval.rounded())) }
}
