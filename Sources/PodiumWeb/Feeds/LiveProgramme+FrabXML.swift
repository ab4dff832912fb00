import Foundation
import PodiumCore

extension LiveProgramme {
  /// `schedule.xml` in the frab/pretalx shape, valid against the C3VOC schema: the times
  /// are the actual and expected ones. The schema admits no extension inside an event, so
  /// the planned times are in `schedule.json`'s `meta.podium` and the iCalendar feeds.
  public func frabXML(baseURL: String) -> String {
    var lines = [
      "<?xml version='1.0' encoding='utf-8' ?>", "<schedule>", "  <generator name='podium' />",
      "  <version>\(HTMLText.escape("podium \(PodiumJSON.formatInstant(asOf))"))</version>", "  <conference>",
      "    <acronym>\(HTMLText.escape(acronym))</acronym>", "    <title>\(HTMLText.escape(conference.name))</title>",
      "    <start>\(days.first?.date ?? "")</start>", "    <end>\(days.last?.date ?? "")</end>",
      "    <days>\(days.count)</days>", "    <timeslot_duration>00:05</timeslot_duration>",
      "    <base_url>\(HTMLText.escape(baseURL))/</base_url>",
      "    <time_zone_name>\(HTMLText.escape(conference.timeZone))</time_zone_name>", "  </conference>",
    ]
    for day in days {
      lines.append(
        "  <day index='\(day.index)' date='\(day.date)' start='\(localISO(day.start))' end='\(localISO(day.end))'>")
      for room in conference.rooms {
        let events = day.items.filter { $0.room.id == room.id }
        guard !events.isEmpty else { continue }
        lines.append("    <room name='\(HTMLText.escape(room.name))'>")
        for item in events { lines += event(item, baseURL) }
        lines.append("    </room>")
      }
      lines.append("  </day>")
    }
    lines.append("</schedule>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func event(_ item: Item, _ baseURL: String) -> [String] {
    let persons = item.session.speakers.map { "        <person>\(HTMLText.escape($0.name))</person>" }
    return [
      "      <event guid='\(item.guid)' id='\(item.number)'>",
      "        <date>\(localISO(item.start))</date>", "        <start>\(localTime(item.start))</start>",
      "        <duration>\(Self.duration(item.end.timeIntervalSince(item.start)))</duration>",
      "        <room>\(HTMLText.escape(item.room.name))</room>",
      "        <title>\(HTMLText.escape(item.session.title))</title>",
      "        <subtitle></subtitle>", "        <track></track>", "        <type>\(Self.type(item))</type>",
      "        <language>\(HTMLText.escape(item.session.language ?? ""))</language>", "        <abstract></abstract>",
      "        <url>\(HTMLText.escape("\(baseURL)/rooms/\(item.room.id)/door"))</url>",
    ] + (persons.isEmpty ? ["        <persons />"] : ["        <persons>"] + persons + ["        </persons>"])
      + ["      </event>"]
  }
}
