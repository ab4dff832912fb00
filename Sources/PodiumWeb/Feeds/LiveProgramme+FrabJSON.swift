import Foundation
import PodiumCore

extension LiveProgramme {
  /// `schedule.json` in the frab/pretalx shape (the C3VOC schema): the times schedule apps
  /// read are the actual and expected ones. The planned times and each session's status are
  /// in `schedule.conference.meta.podium` (by `guid`), the schema's place for extensions.
  public func frabJSON(baseURL: String) -> Data {
    let rooms = conference.rooms.map { FrabJSON.Room(name: $0.name, guid: Self.guid(conference.id, "room/\($0.id)")) }
    let frabDays = days.map { day in
      let events = Dictionary(grouping: day.items, by: \.room.name).mapValues { $0.map { event($0, baseURL) } }
      return FrabJSON.Day(
        index: day.index, date: day.date, dayStart: localISO(day.start), dayEnd: localISO(day.end), rooms: events)
    }
    let header = FrabJSON.Conference(
      acronym: acronym, title: conference.name, start: days.first?.date ?? "", end: days.last?.date ?? "",
      daysCount: days.count, timeslotDuration: "00:05", timeZoneName: conference.timeZone, url: baseURL + "/lobby",
      rooms: rooms, meta: FrabJSON.Meta(podium: podium), days: frabDays)
    let document = FrabJSON.Document(
      schedule: FrabJSON.Schedule(
        version: "podium \(PodiumJSON.formatInstant(asOf))", baseURL: baseURL, conference: header))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(document)) ?? Data("{}".utf8)
  }

  private var podium: FrabJSON.Meta.Podium {
    var sessions: [String: FrabJSON.Meta.Session] = [:]
    for item in items {
      sessions[item.guid] = FrabJSON.Meta.Session(
        session: item.session.id, room: item.room.id, status: item.status.rawValue,
        plannedStart: localISO(item.session.plannedStart), plannedEnd: localISO(item.session.plannedEnd),
        delay: Int(item.delay.rounded()))
    }
    return FrabJSON.Meta.Podium(asOf: PodiumJSON.formatInstant(asOf), sessions: sessions)
  }

  private func event(_ item: Item, _ baseURL: String) -> FrabJSON.Event {
    FrabJSON.Event(
      guid: item.guid, id: item.number, date: localISO(item.start), start: localTime(item.start),
      end: localISO(item.end), duration: Self.duration(item.end.timeIntervalSince(item.start)), room: item.room.name,
      slug: Self.slug(item), url: "\(baseURL)/rooms/\(item.room.id)/door", title: item.session.title,
      subtitle: "", track: "", type: Self.type(item), language: item.session.language ?? "", abstract: "",
      description: "", persons: item.session.speakers.map { FrabJSON.Person(name: $0.name) }, links: [])
  }
}

/// The shapes of `schedule.json`, with frab's field names.
private enum FrabJSON {
  struct Document: Encodable { var schedule: Schedule }

  struct Schedule: Encodable {
    var version: String
    var baseURL: String
    var conference: Conference
    enum CodingKeys: String, CodingKey { case version, baseURL = "base_url", conference }
  }

  struct Conference: Encodable {
    var acronym, title, start, end: String
    var daysCount: Int
    var timeslotDuration, timeZoneName, url: String
    var rooms: [Room]
    var meta: Meta
    var days: [Day]
    enum CodingKeys: String, CodingKey {
      case acronym, title, start, end, daysCount, timeslotDuration = "timeslot_duration"
      case timeZoneName = "time_zone_name", url, rooms, meta, days
    }
  }

  struct Room: Encodable { var name, guid: String }

  struct Meta: Encodable {
    struct Podium: Encodable {
      var asOf: String
      var sessions: [String: Session]
    }
    struct Session: Encodable {
      var session, room, status, plannedStart, plannedEnd: String
      var delay: Int
    }
    var podium: Podium
  }

  struct Day: Encodable {
    var index: Int
    var date, dayStart, dayEnd: String
    var rooms: [String: [Event]]
    enum CodingKeys: String, CodingKey { case index, date, dayStart = "day_start", dayEnd = "day_end", rooms }
  }

  struct Event: Encodable {
    var guid: String
    var id: Int
    var date, start, end, duration, room, slug, url, title, subtitle, track, type, language, abstract: String
    var description: String
    var persons: [Person]
    var links: [String]
  }

  struct Person: Encodable { var name: String }
}
