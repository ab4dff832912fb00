import Foundation

/// One unfolded iCalendar content line.
struct ContentLine {
  /// The physical line it starts on (1-based).
  var line: Int
  var name: String
  var parameters: [String: String]
  /// The raw value, still escaped.
  var value: String

  /// The value as TEXT: `\,` `\;` `\n` `\N` `\\` unescaped (after unfolding).
  var text: String {
    var result = ""
    var escaping = false
    for character in value {
      if escaping {
        switch character {
        case "n", "N": result.append("\n")
        default: result.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    if escaping { result.append("\\") }
    return result
  }
}

/// Reads iCalendar (RFC 5545) as pretalx exports it: one VEVENT per session, the room in LOCATION.
struct ICalendarReader {
  var file: String
  /// The conference's time zone when the person importing gave one (it wins over the file's).
  var givenTimeZone: String?

  /// Unfolds continued lines (a line starting with a space or tab continues the previous one) before anything else.
  static func unfold(_ text: String) -> [(line: Int, text: String)] {
    var result: [(line: Int, text: String)] = []
    let physical = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    for (offset, raw) in physical.enumerated() {
      if let first = raw.first, first == " " || first == "\t", !result.isEmpty {
        result[result.count - 1].text += raw.dropFirst()
      } else if !raw.isEmpty {
        result.append((offset + 1, String(raw)))
      }
    }
    return result
  }

  func contentLine(_ line: Int, _ text: String) throws -> ContentLine {
    // NAME *(;PARAM=value[,value]) : VALUE, with parameter values possibly quoted.
    var name = ""
    var parameters: [String: String] = [:]
    var index = text.startIndex
    var current = ""
    var inQuotes = false
    var parameterName: String?
    while index < text.endIndex {
      let character = text[index]
      if character == "\"" {
        inQuotes.toggle()
      } else if !inQuotes && (character == ";" || character == ":") {
        if let key = parameterName {
          parameters[key.uppercased()] = current
        } else if name.isEmpty {
          name = current
        }
        current = ""
        parameterName = nil
        if character == ":" {
          return ContentLine(
            line: line, name: name.uppercased(), parameters: parameters,
            value: String(text[text.index(after: index)...]))
        }
      } else if !inQuotes && character == "=" && !name.isEmpty && parameterName == nil {
        parameterName = current
        current = ""
      } else {
        current.append(character)
      }
      index = text.index(after: index)
    }
    throw ImportError(file: file, place: "line \(line)", reason: "not an iCalendar content line (no ':')")
  }

  func read(_ data: Data, warnings: inout [ImportWarning]) throws -> RawSchedule {
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError(file: file, place: "line 1", reason: "not UTF-8")
    }
    let lines = try Self.unfold(text).map { try contentLine($0.line, $0.text) }
    guard let first = lines.first, first.name == "BEGIN", first.value.uppercased() == "VCALENDAR" else {
      throw ImportError(file: file, place: "line \(lines.first?.line ?? 1)", reason: "expected BEGIN:VCALENDAR")
    }
    var stack: [(name: String, line: Int)] = []
    var calendarProperties: [String: ContentLine] = [:]
    var eventLines: [[ContentLine]] = []
    var current: [ContentLine]?
    for line in lines {
      switch line.name {
      case "BEGIN":
        let component = line.value.uppercased()
        if stack.isEmpty && component != "VCALENDAR" {
          throw ImportError(file: file, place: "line \(line.line)", reason: "BEGIN:\(component) outside VCALENDAR")
        }
        if component == "VEVENT" && stack.count == 1 { current = [line] }
        stack.append((component, line.line))
      case "END":
        let component = line.value.uppercased()
        guard let open = stack.popLast(), open.name == component else {
          throw ImportError(
            file: file, place: "line \(line.line)",
            reason: "END:\(component) does not close \(stack.last.map { "BEGIN:\($0.name)" } ?? "anything")")
        }
        if component == "VEVENT" && stack.count == 1, let event = current {
          eventLines.append(event)
          current = nil
        }
      default:
        if stack.count == 1 {
          if calendarProperties[line.name] == nil { calendarProperties[line.name] = line }
        } else if stack.count == 2 && current != nil {
          current?.append(line)
        }
      }
    }
    if let open = stack.last {
      throw ImportError(
        file: file, place: "line \(lines.last?.line ?? 1)",
        reason: "the calendar ends early: BEGIN:\(open.name) on line \(open.line) is never closed")
    }
    guard !eventLines.isEmpty else {
      throw ImportError(file: file, place: "line \(first.line), BEGIN:VCALENDAR", reason: "no VEVENT in the calendar")
    }

    let pretalx = calendarProperties["PRODID"]?.text.lowercased().contains("pretalx") ?? false
    let zoneLine =
      calendarProperties["X-WR-TIMEZONE"]
      ?? eventLines.lazy.compactMap { $0.first { $0.name == "DTSTART" && $0.parameters["TZID"] != nil } }.first
    let zoneName = zoneLine.map { $0.parameters["TZID"] ?? $0.text }
    let sampleOffset: Int? =
      eventLines.lazy.compactMap { $0.first { $0.name == "DTSTART" } }
      .compactMap { $0.value.hasSuffix("Z") ? 0 : nil }.first
    let (zoneId, zone) = try TimeZones.resolve(
      name: zoneName, given: givenTimeZone, sampleOffset: sampleOffset, file: file,
      place: "line \(zoneLine?.line ?? first.line)\(zoneLine.map { ", \($0.name)" } ?? "")", warnings: &warnings)

    var events: [RawEvent] = []
    var roomNames: [String] = []
    var conferenceSlug: String?
    for event in eventLines {
      let begin = event[0].line
      let place = "line \(begin), VEVENT"
      func property(_ name: String) -> ContentLine? { event.first { $0.name == name } }
      guard let startLine = property("DTSTART") else {
        throw ImportError(file: file, place: place, reason: "VEVENT without DTSTART")
      }
      let start = try instant(startLine, defaultZone: zone, warnings: &warnings)
      var end: Date
      if let endLine = property("DTEND") {
        end = try instant(endLine, defaultZone: zone, warnings: &warnings)
      } else if let durationLine = property("DURATION") {
        guard let duration = Self.isoDuration(durationLine.value) else {
          throw ImportError(
            file: file, place: "line \(durationLine.line), DURATION",
            reason: "unreadable duration '\(durationLine.value)'")
        }
        end = start.addingTimeInterval(duration)
      } else {
        end = start
        warnings.append(ImportWarning(file: file, place: place, reason: "no DTEND or DURATION; 0 minutes assumed"))
      }
      let summary = property("SUMMARY")?.text ?? ""
      var (title, speakers) = pretalx ? Self.splitPretalxSummary(summary) : (summary, [])
      if Text.isBlank(title) {
        title = "Untitled"
        warnings.append(ImportWarning(file: file, place: place, reason: "empty SUMMARY; using 'Untitled'"))
      }
      let roomName = Text.collapseWhitespace(property("LOCATION")?.text ?? "")
      if roomName.isEmpty {
        warnings.append(ImportWarning(file: file, place: place, reason: "no LOCATION; put in 'Unassigned'"))
      } else if !roomNames.contains(roomName) {
        roomNames.append(roomName)
      }
      let uid = property("UID")?.text.trimmingCharacters(in: .whitespaces) ?? ""
      // pretalx UIDs read `pretalx-<event slug>-<code>@<host>`: the part before `@` is the stable key.
      let key = uid.split(separator: "@").first.map(String.init)
      if pretalx, conferenceSlug == nil, let key, key.hasPrefix("pretalx-") {
        let parts = key.dropFirst("pretalx-".count).split(separator: "-")
        if parts.count >= 2 { conferenceSlug = parts.dropLast().joined(separator: "-") }
      }
      let language =
        property("LANGUAGE")?.text ?? startLine.parameters["LANGUAGE"] ?? property("SUMMARY")?.parameters["LANGUAGE"]
      events.append(
        RawEvent(
          place: place, guid: key.flatMap { $0.isEmpty ? nil : $0 }, code: nil, sourceId: nil, title: title,
          roomName: roomName, start: start, end: end, language: language.flatMap(Text.languageCode),
          speakers: speakers.map(Text.collapseWhitespace).filter { !$0.isEmpty }.map {
            RawSpeaker(name: $0, language: nil)
          }))
    }
    let calendarName = calendarProperties["X-WR-CALNAME"]?.text ?? calendarProperties["NAME"]?.text
    return RawSchedule(
      id: conferenceSlug ?? calendarName, name: calendarName, timeZone: zoneId, roomNames: roomNames, events: events)
  }

  /// pretalx writes `SUMMARY:<title> - <speaker>, <speaker>` (with a bare ` - ` when nobody speaks).
  /// Titles and affiliations may contain ` - `: the split is at the last ` - ` outside brackets.
  static func splitPretalxSummary(_ summary: String) -> (title: String, speakers: [String]) {
    var text = summary.trimmingCharacters(in: .newlines)
    if text.hasSuffix(" -") { return (String(text.dropLast(2)), []) }
    if text.hasSuffix(" - ") {
      text.removeLast(3)
      return (text, [])
    }
    let characters = Array(text)
    var depth = 0
    var separator: Int?
    var commas: [Int] = []
    for (index, character) in characters.enumerated() {
      switch character {
      case "[", "(", "{": depth += 1
      case "]", ")", "}": depth = max(0, depth - 1)
      case "-"
      where depth == 0 && index > 0 && index + 1 < characters.count && characters[index - 1] == " "
        && characters[index + 1] == " ":
        separator = index
        commas = []
      case "," where depth == 0 && separator != nil: commas.append(index)
      default: break
      }
    }
    guard let separator else { return (text, []) }
    let title = String(characters[..<(separator - 1)])
    var speakers: [String] = []
    var start = separator + 2
    for comma in commas + [characters.count] {
      speakers.append(String(characters[start..<comma]).trimmingCharacters(in: .whitespaces))
      start = comma + 1
    }
    return (title, speakers)
  }

  /// An iCalendar DATE-TIME or DATE: UTC with `Z`, in its TZID, or floating (the calendar's zone).
  private func instant(_ line: ContentLine, defaultZone: TimeZone, warnings: inout [ImportWarning]) throws -> Date {
    let value = line.value.trimmingCharacters(in: .whitespaces)
    var zone = defaultZone
    if let tzid = line.parameters["TZID"] {
      let name = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\"/ ")).isEmpty ? tzid : tzid
      if let found = TimeZones.aliases[name].flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: name) {
        zone = found
      } else {
        warnings.append(
          ImportWarning(
            file: file, place: "line \(line.line), \(line.name)",
            reason: "unknown TZID '\(tzid)'; using the calendar's zone"))
      }
    }
    if value.count == 8, let date = LocalDateTime(value + "T000000") {
      if let instant = date.instant(in: zone) { return instant }
    }
    guard let dateTime = LocalDateTime(value), let instant = dateTime.instant(in: zone) else {
      throw ImportError(
        file: file, place: "line \(line.line), \(line.name)", reason: "unreadable date-time '\(line.value)'")
    }
    return instant
  }

  /// An ISO 8601 duration as iCalendar writes it, e.g. `PT1H30M`, `P1D`, `-PT15M`.
  static func isoDuration(_ text: String) -> TimeInterval? {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
    var sign = 1.0
    if rest.hasPrefix("-") { sign = -1 }
    if rest.hasPrefix("-") || rest.hasPrefix("+") { rest = rest.dropFirst() }
    guard rest.hasPrefix("P") else { return nil }
    rest = rest.dropFirst()
    var total = 0.0
    var number = ""
    var sawUnit = false
    for character in rest {
      if character.isNumber {
        number.append(character)
        continue
      }
      if character == "T" { continue }
      guard let value = Double(number) else { return nil }
      let unit: Double
      switch character {
      case "W": unit = 604_800
      case "D": unit = 86_400
      case "H": unit = 3_600
      case "M": unit = 60
      case "S": unit = 1
      default: return nil
      }
      total += value * unit
      number = ""
      sawUnit = true
    }
    return sawUnit && number.isEmpty ? sign * total : nil
  }
}
