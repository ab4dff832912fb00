import Foundation
import PodiumCore

/// Makes the Podium conference: ids, rooms, languages, order; warns about what Podium would refuse.
struct ConferenceBuilder {
  var file: String

  func build(_ raw: RawSchedule, warnings: inout [ImportWarning]) -> Conference {
    let fileBase = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var conferenceId = Text.slug(raw.id ?? "")
    if conferenceId.isEmpty { conferenceId = Text.slug(raw.name ?? "") }
    if conferenceId.isEmpty { conferenceId = Text.slug(fileBase) }
    if conferenceId.isEmpty { conferenceId = "conference" }
    conferenceId = Text.identifier(conferenceId)
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
      if id != Text.identifier(base) {
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
      if id != Text.identifier(base) {
        warnings.append(
          ImportWarning(
            file: file, place: event.place, reason: "duplicate session id '\(base)' renamed to '\(id)'"))
      }
      for language in [event.language] + event.speakers.map(\.language) {
        if let language, !languages.contains(where: { $0.code == language }) {
          languages.append(Language(code: language, name: Self.endonym(language)))
        }
      }
      // A speaker's language is the person's when the file gives one, else unknown: the session's
      // is the talk's, not each speaker's, and the chief or the operator sets the floor.
      let session = Session(
        id: id, roomId: roomIds[event.roomName]!, title: event.title, plannedStart: event.start,
        plannedEnd: event.end,
        speakers: event.speakers.map { Speaker(name: $0.name, language: $0.language, speakingTime: $0.speakingTime) },
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

  /// A language's name in itself (`العربية`, `Français`, `English`), from the platform's locale
  /// data; the code itself when the platform has no name for it.
  static func endonym(_ code: String) -> String {
    let locale = Locale(identifier: code)
    guard let name = locale.localizedString(forLanguageCode: code), !name.isEmpty else { return code }
    return name.prefix(1).uppercased(with: locale) + name.dropFirst()
  }

  /// `base` fitted to an identifier, then `-2`, `-3`… until it is not yet used (each one fitted too).
  private func unique(_ base: String, in used: inout Set<String>) -> String {
    var candidate = Text.identifier(base)
    var counter = 2
    while used.contains(candidate) {
      let suffix = "-\(counter)"
      candidate = Text.identifier(base, limit: Text.identifierLimit - suffix.count) + suffix
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }
}
