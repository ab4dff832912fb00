import Foundation
import PodiumCore

/// Reads the schedule formats conferences publish (frab/pretalx XML and JSON, iCalendar) into a `Conference`.
///
/// Pure: no file system, no network, no clock. Lenient where real files are sloppy (each repair is
/// reported as an `ImportWarning`); a file that cannot be understood throws an `ImportError` and
/// produces nothing.
public struct ScheduleImport {
  /// Parses a schedule file.
  ///
  /// - Parameters:
  ///   - data: The file's bytes (UTF-8).
  ///   - file: The file's name or path: named in warnings and errors, its extension a format hint.
  /// - Throws: `ImportError` naming the file, the place and the reason.
  public static func parse(_ data: Data, file: String) throws -> ImportedSchedule {
    guard let format = ScheduleFormat.detect(data, file: file) else {
      throw ImportError(
        file: file, place: "line 1", reason: "not a schedule: neither frab XML, frab JSON nor iCalendar")
    }
    return try parse(data, file: file, format: format)
  }

  /// Parses a schedule file in a known format.
  public static func parse(_ data: Data, file: String, format: ScheduleFormat) throws -> ImportedSchedule {
    var warnings: [ImportWarning] = []
    let raw: RawSchedule
    switch format {
    case .frabXML: raw = try FrabXMLReader(file: file).read(data, warnings: &warnings)
    case .frabJSON: raw = try FrabJSONReader(file: file).read(data, warnings: &warnings)
    case .iCalendar: raw = try ICalendarReader(file: file).read(data, warnings: &warnings)
    }
    let conference = ConferenceBuilder(file: file).build(raw, warnings: &warnings)
    return ImportedSchedule(conference: conference, warnings: warnings, format: format)
  }
}

/// One event as a reader found it, before ids are made.
struct RawEvent {
  /// Where in the file, for warnings.
  var place: String
  var guid: String?
  /// pretalx code or frab slug.
  var code: String?
  var sourceId: String?
  var title: String
  var roomName: String
  var start: Date
  var end: Date
  var language: String?
  var speakers: [String]
}

/// A schedule as a reader found it.
struct RawSchedule {
  var id: String?
  var name: String?
  var timeZone: String
  /// Room names in the order the file lists them.
  var roomNames: [String]
  var events: [RawEvent]
}

/// Makes the Podium conference: ids, rooms, languages, order; warns about what Podium would refuse.
struct ConferenceBuilder {
  var file: String

  func build(_ raw: RawSchedule, warnings: inout [ImportWarning]) -> Conference {
    let fileBase = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var conferenceId = Text.slug(raw.id ?? "")
    if conferenceId.isEmpty { conferenceId = Text.slug(raw.name ?? "") }
    if conferenceId.isEmpty { conferenceId = Text.slug(fileBase) }
    if conferenceId.isEmpty { conferenceId = "conference" }
    var name = Text.collapseWhitespace(raw.name ?? "")
    if name.isEmpty {
      name = fileBase
      warnings.append(ImportWarning(file: file, place: "conference", reason: "no conference name; using '\(name)'"))
    }

    // Rooms: in the file's order, then any only events name; ids unique.
    var roomNames: [String] = []
    for roomName in raw.roomNames + raw.events.map(\.roomName) where !roomNames.contains(roomName) {
      roomNames.append(roomName)
    }
    var roomIds: [String: String] = [:]
    var usedRoomIds: Set<String> = []
    var rooms: [Room] = []
    for roomName in roomNames {
      let base = Text.slug(roomName).isEmpty ? "room" : Text.slug(roomName)
      let id = unique(base, in: &usedRoomIds)
      if id != base {
        warnings.append(
          ImportWarning(file: file, place: "room '\(roomName)'", reason: "room id '\(base)' taken; using '\(id)'"))
      }
      roomIds[roomName] = id
      rooms.append(Room(id: id, name: roomName.isEmpty ? "Unassigned" : roomName))
    }

    // Sessions: ids from guid, then code/slug, then id + title; unique in file order.
    var usedSessionIds: Set<String> = []
    var languages: [Language] = []
    var sessions: [(session: Session, roomIndex: Int, order: Int, place: String)] = []
    for (order, event) in raw.events.enumerated() {
      let key = [event.guid, event.code, event.sourceId.map { "\($0) \(event.title)" }, event.title]
        .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
        .first { !Text.slug($0).isEmpty }
      let base = key.map(Text.slug) ?? "session"
      let id = unique(base, in: &usedSessionIds)
      if id != base {
        warnings.append(
          ImportWarning(
            file: file, place: event.place, reason: "duplicate session id '\(base)' renamed to '\(id)'"))
      }
      if let language = event.language, !languages.contains(where: { $0.code == language }) {
        let languageName = Locale(identifier: "en").localizedString(forLanguageCode: language) ?? language
        languages.append(Language(code: language, name: languageName))
      }
      let session = Session(
        id: id, roomId: roomIds[event.roomName]!, title: event.title, plannedStart: event.start,
        plannedEnd: event.end, speakers: event.speakers.map { Speaker(name: $0, language: event.language) },
        language: event.language)
      sessions.append((session, roomNames.firstIndex(of: event.roomName)!, order, event.place))
      if event.end <= event.start {
        warnings.append(
          ImportWarning(file: file, place: event.place, reason: "session '\(id)' does not end after it starts"))
      }
    }
    sessions.sort {
      ($0.session.plannedStart, $0.roomIndex, $0.order) < ($1.session.plannedStart, $1.roomIndex, $1.order)
    }

    // Overlaps in one room: kept, reported.
    for room in rooms {
      var latest: Session?
      for (session, _, _, place) in sessions where session.roomId == room.id {
        if let previous = latest, session.plannedStart < previous.plannedEnd {
          warnings.append(
            ImportWarning(
              file: file, place: place,
              reason: "session '\(session.id)' overlaps '\(previous.id)' in room '\(room.name)'"))
        }
        if latest.map({ session.plannedEnd > $0.plannedEnd }) ?? true { latest = session }
      }
    }

    return Conference(
      id: conferenceId, name: name, timeZone: raw.timeZone, languages: languages, rooms: rooms,
      sessions: sessions.map(\.session))
  }

  private func unique(_ base: String, in used: inout Set<String>) -> String {
    var candidate = base
    var counter = 2
    while used.contains(candidate) {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }
}

/// What frab XML and JSON share once read: one event's fields as text.
struct FrabEventFields {
  var place: String
  var guid: String?
  var id: String?
  var slug: String?
  var code: String?
  var date: String?
  var start: String?
  var duration: String?
  var room: String?
  var title: String?
  var language: String?
  var persons: [String]
  /// The conference day: its date (`YYYY-MM-DD`) and its start instant, for events with only a local `start`.
  var dayDate: String?
  var dayStart: String?
}

/// Turns frab event fields into a `RawEvent`.
///
/// The full `date` is the truth; a local `start` before the day's start belongs to the next calendar day.
struct FrabEventResolver {
  var file: String
  var zone: TimeZone

  func resolve(_ fields: FrabEventFields, warnings: inout [ImportWarning]) throws -> RawEvent {
    let start = try startInstant(fields, warnings: &warnings)
    let durationText = fields.duration?.trimmingCharacters(in: .whitespaces) ?? ""
    var duration: TimeInterval = 0
    if durationText.isEmpty {
      warnings.append(ImportWarning(file: file, place: fields.place, reason: "no duration; 0 minutes assumed"))
    } else if let parsed = Text.duration(durationText) {
      duration = parsed
    } else {
      throw ImportError(file: file, place: fields.place, reason: "unreadable duration '\(durationText)'")
    }
    var title = Text.cleanTitle(fields.title ?? "")
    if title.isEmpty {
      title = "Untitled"
      warnings.append(ImportWarning(file: file, place: fields.place, reason: "empty title; using 'Untitled'"))
    }
    let roomName = Text.collapseWhitespace(fields.room ?? "")
    if roomName.isEmpty {
      warnings.append(ImportWarning(file: file, place: fields.place, reason: "no room; put in 'Unassigned'"))
    }
    var language: String?
    if let text = fields.language, !text.trimmingCharacters(in: .whitespaces).isEmpty {
      language = Text.languageCode(text)
      if language == nil {
        warnings.append(ImportWarning(file: file, place: fields.place, reason: "not a language code: '\(text)'"))
      }
    }
    let nonEmpty = { (text: String?) -> String? in
      let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      return trimmed.isEmpty ? nil : trimmed
    }
    return RawEvent(
      place: fields.place, guid: nonEmpty(fields.guid), code: nonEmpty(fields.code) ?? nonEmpty(fields.slug),
      sourceId: nonEmpty(fields.id), title: title, roomName: roomName, start: start,
      end: start.addingTimeInterval(duration), language: language,
      speakers: fields.persons.map(Text.collapseWhitespace).filter { !$0.isEmpty })
  }

  private func startInstant(_ fields: FrabEventFields, warnings: inout [ImportWarning]) throws -> Date {
    if let text = fields.date?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
      guard let dateTime = LocalDateTime(text), let instant = dateTime.instant(in: zone) else {
        throw ImportError(file: file, place: fields.place, reason: "unreadable date '\(text)'")
      }
      if let start = fields.start, let local = Self.hourMinute(start) {
        let hour = dateTime.hour, minute = dateTime.minute
        if (hour, minute) != local {
          warnings.append(
            ImportWarning(
              file: file, place: fields.place,
              reason: "start '\(start)' disagrees with date '\(text)'; the date is used"))
        }
      }
      return instant
    }
    // No full date: the day's date plus the local start, past midnight on the next calendar day.
    guard let startText = fields.start, let time = Self.hourMinute(startText),
      let dayDate = fields.dayDate.flatMap({ LocalDateTime($0 + "T00:00:00") })
    else {
      throw ImportError(file: file, place: fields.place, reason: "no date and no usable day + start")
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    guard
      var instant = calendar.date(
        from: DateComponents(
          year: dayDate.year, month: dayDate.month, day: dayDate.day, hour: time.0, minute: time.1))
    else { throw ImportError(file: file, place: fields.place, reason: "unreadable start '\(startText)'") }
    if let dayStart = fields.dayStart.flatMap(LocalDateTime.init)?.instant(in: zone), instant < dayStart {
      instant = calendar.date(byAdding: .day, value: 1, to: instant) ?? instant
    }
    return instant
  }

  static func hourMinute(_ text: String) -> (Int, Int)? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
    guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
    return (hour, minute)
  }
}
