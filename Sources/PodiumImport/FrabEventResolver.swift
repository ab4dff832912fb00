import Foundation
import PodiumCore

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
    // A title is plain text: kept as the file gives it (the XML parser decoded its entities).
    var title = fields.title ?? ""
    if Text.isBlank(title) {
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
      speakers: fields.persons.compactMap { person in
        let name = Text.collapseWhitespace(person.name)
        return name.isEmpty ? nil : RawSpeaker(name: name, language: person.language.flatMap(Text.languageCode))
      })
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
