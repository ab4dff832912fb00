import Foundation
import PodiumCore

extension LiveProgramme {
  /// `schedule.xml` in the frab/pretalx shape, valid against the C3VOC schema: the times
  /// are the actual and expected ones. The schema admits no extension inside an event, so
  /// the planned times are in `schedule.json`'s `meta.podium` and the iCalendar feeds.
  public func frabXML(baseURL: String) -> String {
    var lines = [
      "<?xml version='1.0' encoding='utf-8' ?>", "<schedule>", "  <generator name='podium' />",
      "  <version>\(Self.escaped("podium \(PodiumJSON.formatInstant(asOf))"))</version>", "  <conference>",
      "    <acronym>\(Self.escaped(acronym))</acronym>", "    <title>\(Self.escaped(conference.name))</title>",
      "    <start>\(days.first?.date ?? "")</start>", "    <end>\(days.last?.date ?? "")</end>",
      "    <days>\(days.count)</days>", "    <timeslot_duration>00:05</timeslot_duration>",
      "    <base_url>\(Self.escaped(baseURL))/</base_url>",
      "    <time_zone_name>\(Self.escaped(conference.timeZone))</time_zone_name>", "  </conference>",
    ]
    for day in days {
      lines.append(
        "  <day index='\(day.index)' date='\(day.date)' start='\(localISO(day.start))' end='\(localISO(day.end))'>")
      for room in conference.rooms {
        let events = day.items.filter { $0.room.id == room.id }
        guard !events.isEmpty else { continue }
        lines.append("    <room name='\(Self.escaped(room.name))'>")
        for item in events { lines += event(item, baseURL) }
        lines.append("    </room>")
      }
      lines.append("  </day>")
    }
    lines.append("</schedule>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func event(_ item: Item, _ baseURL: String) -> [String] {
    let persons = item.session.speakers.map { "        <person>\(Self.escaped($0.name))</person>" }
    return [
      "      <event guid='\(item.guid)' id='\(item.number)'>",
      "        <date>\(localISO(item.start))</date>", "        <start>\(localTime(item.start))</start>",
      "        <duration>\(Self.duration(item.end.timeIntervalSince(item.start)))</duration>",
      "        <room>\(Self.escaped(item.room.name))</room>",
      "        <title>\(Self.escaped(item.session.title))</title>",
      "        <subtitle></subtitle>", "        <track></track>", "        <type>\(Self.type(item))</type>",
      "        <language>\(Self.escaped(item.session.language ?? ""))</language>", "        <abstract></abstract>",
      "        <url>\(Self.escaped("\(baseURL)/rooms/\(item.room.id)/door"))</url>",
    ] + (persons.isEmpty ? ["        <persons />"] : ["        <persons>"] + persons + ["        </persons>"])
      + ["      </event>"]
  }

  /// Text for XML content or a single-quoted attribute.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "'": out += "&apos;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}
