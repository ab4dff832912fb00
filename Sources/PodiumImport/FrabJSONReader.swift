import Foundation

/// Reads frab / pretalx `schedule.json`.
struct FrabJSONReader {
  var file: String
  /// The conference's time zone when the person importing gave one (it wins over the file's).
  var givenTimeZone: String?

  func read(_ data: Data, warnings: inout [ImportWarning]) throws -> RawSchedule {
    let root: JSONValue
    do {
      root = try JSONReader.parse(data)
    } catch let failure as JSONReader.Failure {
      throw ImportError(
        file: file, place: "line \(failure.line), column \(failure.column)", reason: "bad JSON: \(failure.reason)")
    }
    guard let schedule = root["schedule"], let conference = schedule["conference"] else {
      throw ImportError(file: file, place: "line \(root.line ?? 1)", reason: "no schedule.conference object")
    }
    guard case .array(let days) = conference["days"] ?? .null else {
      throw ImportError(
        file: file, place: "line \(conference.line ?? 1), schedule.conference", reason: "no days array")
    }
    let sampleOffset = days.lazy.flatMap { $0["rooms"]?.entries ?? [] }.flatMap { $0.value.elements }
      .compactMap { $0["date"]?.text.flatMap(LocalDateTime.init)?.offset }.first
    let (zoneName, zone) = try TimeZones.resolve(
      name: conference["time_zone_name"]?.text, given: givenTimeZone, sampleOffset: sampleOffset, file: file,
      place: "line \(conference.line ?? 1), schedule.conference.time_zone_name", warnings: &warnings)
    let resolver = FrabEventResolver(file: file, zone: zone)

    var roomNames = conference["rooms"]?.elements.compactMap { $0["name"]?.text.map(Text.collapseWhitespace) } ?? []
    var events: [RawEvent] = []
    for (dayIndex, day) in days.enumerated() {
      for (roomKey, list) in day["rooms"]?.entries ?? [] {
        let roomName = Text.collapseWhitespace(roomKey)
        if !roomName.isEmpty && !roomNames.contains(roomName) { roomNames.append(roomName) }
        for (eventIndex, event) in list.elements.enumerated() {
          let persons = (event["persons"]?.elements ?? []).compactMap { person in
            (person["public_name"]?.text ?? person["name"]?.text ?? person["full_public_name"]?.text ?? person.text)
              .map { (name: $0, language: person["language"]?.text) }
          }
          let eventRoom = Text.collapseWhitespace(event["room"]?.text ?? "")
          let fields = FrabEventFields(
            place: "line \(event.line ?? 0), days[\(dayIndex)].rooms[\"\(roomKey)\"][\(eventIndex)]",
            guid: event["guid"]?.text, id: event["id"]?.text, slug: event["slug"]?.text,
            code: event["code"]?.text, date: event["date"]?.text, start: event["start"]?.text,
            duration: event["duration"]?.text, room: eventRoom.isEmpty ? roomName : eventRoom,
            title: event["title"]?.text, language: event["language"]?.text, persons: persons,
            dayDate: day["date"]?.text, dayStart: day["day_start"]?.text)
          events.append(try resolver.resolve(fields, warnings: &warnings))
        }
      }
    }
    return RawSchedule(
      id: conference["acronym"]?.text, name: conference["title"]?.text, timeZone: zoneName, roomNames: roomNames,
      events: events)
  }
}
