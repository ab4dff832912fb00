import Foundation
import PodiumCore

extension ProgrammeReport {
  /// One self-contained HTML page: a table per room and, per day, an SVG timeline of
  /// planned (outline) against actual (filled) sessions; with `speakers`, each room's speakers
  /// after its sessions, speaking time planned against spoken. Every text is escaped; titles
  /// keep their own direction (`dir="auto"`), so Arabic reads right to left.
  public func html(language: String = "en", speakers: SpeakerReport? = nil) -> String {
    let labels = ReportLabels.forLanguage(language)
    var body =
      "<h1>\(escape(conference.name))</h1>\n<p class=\"as-of\">\(escape(labels.title)) — \(escape(labels.asOf)) "
    body += "<bdi dir=\"ltr\">\(escape(localTime(asOf, withDate: true)))</bdi></p>\n"
    for day in days {
      body += "<h2><bdi dir=\"ltr\">\(escape(day.label))</bdi></h2>\n" + timeline(day) + "\n"
    }
    for room in rooms {
      body += table(room, labels)
      if let lines = speakers?.lines.filter({ $0.room == room.room.id }), !lines.isEmpty {
        body += speakerTable(lines, labels)
      }
    }
    return """
      <!doctype html>
      <html lang="\(labels.language)" dir="\(labels.direction)">
      <head><meta charset="utf-8"><title>\(escape(conference.name)) — \(escape(labels.title))</title>
      <style>
      body{font-family:"Noto Sans Arabic","Noto Sans",system-ui,sans-serif;margin:2rem;color:#111}
      table{border-collapse:collapse;margin:0 0 2rem;width:100%}
      th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:start;vertical-align:top}
      td.number{font-variant-numeric:tabular-nums;text-align:end}
      .late{color:#b45309;font-weight:600}.skipped{color:#888}
      svg{width:100%;height:auto;margin-bottom:1.5rem}
      svg text{font-size:11px;fill:#333}
      .planned{fill:none;stroke:#6b7280;stroke-width:1.5}
      .actual{fill:#16a34a}.actual.overrun{fill:#d97706}.actual.running{fill:#2563eb}
      </style></head>
      <body>
      \(body)</body>
      </html>

      """
  }

  private struct Day {
    var start: Date
    var end: Date
    var label: String
  }

  /// The conference days: from the earliest planned or actual start to the latest end, per local date.
  private var days: [Day] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let outcomes = rooms.flatMap(\.sessions)
    let grouped = Dictionary(grouping: outcomes) { calendar.startOfDay(for: $0.session.plannedStart) }
    return grouped.keys.sorted().map { midnight in
      let items = grouped[midnight]!
      let starts = items.flatMap { [$0.session.plannedStart] + ($0.actualStart.map { [$0] } ?? []) }
      let ends = items.flatMap { [$0.session.plannedEnd] + ($0.actualEnd.map { [$0] } ?? []) }
      let start = calendar.dateInterval(of: .hour, for: starts.min()!)!.start
      let end = calendar.dateInterval(of: .hour, for: ends.max()!)!.end
      return Day(start: start, end: end, label: localTime(midnight, withDate: true).prefix(10).description)
    }
  }

  private func timeline(_ day: Day) -> String {
    let width = 1000.0
    let left = 120.0
    let rowHeight = 34.0
    let span = max(day.end.timeIntervalSince(day.start), 3600)
    let right = 24.0
    // Clipped to the day: a session across midnight is drawn on both days, each its own part.
    let x = { (date: Date) -> Double in
      left + (width - left - right) * min(max(0, date.timeIntervalSince(day.start)), span) / span
    }
    var svg = ""
    var hour = day.start
    while hour <= day.end {
      svg +=
        "<line x1=\"\(x(hour))\" x2=\"\(x(hour))\" y1=\"14\" y2=\"\(20 + rowHeight * Double(rooms.count))\" stroke=\"#e5e7eb\"/>"
      svg += "<text x=\"\(x(hour))\" y=\"11\" text-anchor=\"middle\">\(escape(localTime(hour, withDate: false)))</text>"
      hour += 3600
    }
    for (row, room) in rooms.enumerated() {
      let top = 20 + rowHeight * Double(row)
      svg += "<text x=\"0\" y=\"\(top + 18)\">\(escape(room.room.name))</text>"
      for outcome in room.sessions
      where outcome.session.plannedEnd > day.start && outcome.session.plannedStart < day.end {
        let title = "<title>\(escape(outcome.session.title))</title>"
        svg += "<rect class=\"planned\" x=\"\(x(outcome.session.plannedStart))\" y=\"\(top)\" "
        svg +=
          "width=\"\(max(1, x(outcome.session.plannedEnd) - x(outcome.session.plannedStart)))\" height=\"12\">\(title)</rect>"
        if let start = outcome.actualStart, case let end = outcome.actualEnd ?? asOf, end > day.start, start < day.end {
          let kind = outcome.status == .running ? " running" : (outcome.overrun ?? 0) > 60 ? " overrun" : ""
          svg += "<rect class=\"actual\(kind)\" x=\"\(x(start))\" y=\"\(top + 14)\" "
          svg += "width=\"\(max(1, x(end) - x(start)))\" height=\"12\">\(title)</rect>"
        }
      }
    }
    // 6 units above the hour labels: room for their ink (the svg clips at its box).
    let height = 30 + rowHeight * Double(rooms.count)
    return
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 -6 \(width) \(height)\" role=\"img\" direction=\"ltr\">\(svg)</svg>"
  }

  private func table(_ room: RoomReport, _ labels: ReportLabels) -> String {
    var html = "<h2 dir=\"auto\">\(escape(room.room.name))</h2>\n"
    if room.offset >= 60 {
      html +=
        "<p class=\"late\">\(escape(labels.late)): <bdi dir=\"ltr\">+\(Int((room.offset / 60).rounded())) min</bdi></p>\n"
    }
    html += "<table><thead><tr><th>\(escape(labels.session))</th><th>\(escape(labels.planned))</th>"
    html += "<th>\(escape(labels.actual))</th><th>\(escape(labels.startDelay))</th><th>\(escape(labels.overrun))</th>"
    html += "<th>\(escape(labels.status))</th></tr></thead><tbody>\n"
    for outcome in room.sessions {
      let planned =
        "\(localTime(outcome.session.plannedStart, withDate: false))–\(localTime(outcome.session.plannedEnd, withDate: false))"
      let actual =
        outcome.actualStart.map { start in
          localTime(start, withDate: false) + "–" + (outcome.actualEnd.map { localTime($0, withDate: false) } ?? "")
        } ?? ""
      let rowClass = outcome.status == .skipped ? " class=\"skipped\"" : ""
      html +=
        "<tr\(rowClass) data-session=\"\(escape(outcome.session.id))\"><td dir=\"auto\">\(escape(outcome.session.title))</td>"
      html += "<td><bdi dir=\"ltr\">\(planned)</bdi></td><td><bdi dir=\"ltr\">\(actual)</bdi></td>"
      html += "<td class=\"number\"><bdi dir=\"ltr\">\(outcome.startDelay.map(minutes) ?? "")</bdi></td>"
      html += "<td class=\"number\"><bdi dir=\"ltr\">\(outcome.overrun.map(minutes) ?? "")</bdi></td>"
      html += "<td>\(escape(labels.statuses[outcome.status] ?? outcome.status.rawValue))</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  private func speakerTable(_ lines: [SpeakerReport.Line], _ labels: ReportLabels) -> String {
    func clock(_ seconds: TimeInterval) -> String {
      let whole = Int(abs(seconds).rounded())
      return (seconds < -0.5 ? "−" : "") + String(format: "%d:%02d", whole / 60, whole % 60)
    }
    var html = "<table class=\"speakers\"><thead><tr><th>\(escape(labels.session))</th>"
    html += "<th>\(escape(labels.speaker))</th><th>\(escape(labels.speakingTime))</th>"
    html += "<th>\(escape(labels.spoken))</th><th>\(escape(labels.overrun))</th></tr></thead><tbody>\n"
    for line in lines {
      let overrun = line.overrun.map { ($0 > 0.5 ? "+" : "") + clock($0) } ?? ""
      let overrunClass = (line.overrun ?? 0) >= 60 ? "number late" : "number"
      html += "<tr data-session=\"\(escape(line.session))\"><td dir=\"auto\">\(escape(line.title))</td>"
      html += "<td dir=\"auto\">\(escape(line.speaker))</td>"
      html += "<td class=\"number\"><bdi dir=\"ltr\">\(line.planned.map(clock) ?? "")</bdi></td>"
      html += "<td class=\"number\"><bdi dir=\"ltr\">\(clock(line.spoken))</bdi></td>"
      html += "<td class=\"\(overrunClass)\"><bdi dir=\"ltr\">\(overrun)</bdi></td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// `+3 min`, `−1 min`, `0 min` (rounded to the minute).
  private func minutes(_ seconds: TimeInterval) -> String {
    let value = Int((seconds / 60).rounded())
    return value > 0 ? "+\(value) min" : value < 0 ? "−\(-value) min" : "0 min"
  }

  private func escape(_ text: String) -> String { HTMLText.escape(text) }
}
