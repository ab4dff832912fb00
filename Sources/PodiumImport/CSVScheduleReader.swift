import Foundation
import PodiumCore

/// Reads a programme kept in a spreadsheet and saved as CSV, in the documented column layout
/// (`config/programme-template.csv`, docs/IMPORT.md): one session a row, a header row naming
/// the columns in any order. Errors name the row and the column (`row 4, column start (D)`);
/// the first one stops the import, so nothing is half-imported.
struct CSVScheduleReader {
  /// The columns of a programme, named in the header row as here.
  enum Column: String, CaseIterable {
    case id, room, title, start, end, duration, language, speakers, conference, timezone

    /// The columns every programme has (and one of `end` and `duration`).
    static let required: [Column] = [.id, .room, .title, .start]
  }

  var file: String
  var givenTimeZone: String?

  func read(_ data: Data, warnings: inout [ImportWarning]) throws -> RawSchedule {
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError(file: file, place: "row 1", reason: "not UTF-8 text: save the sheet as CSV UTF-8")
    }
    let rows = try Self.rows(of: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
    guard let header = rows.first, !header.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
      throw ImportError(file: file, place: "row 1", reason: "the sheet is empty: the first row names the columns")
    }
    var columns: [Column: Int] = [:]
    for (index, name) in header.enumerated() {
      let text = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "")
      guard !text.isEmpty else { continue }
      guard let key = Column(rawValue: text) else {
        throw ImportError(
          file: file, place: "row 1, column \(Self.letter(index))",
          reason: "unknown column '\(name)' (columns: \(Column.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      guard columns[key] == nil else {
        throw ImportError(file: file, place: "row 1, column \(Self.letter(index))", reason: "column '\(text)' twice")
      }
      columns[key] = index
    }
    for column in Column.required where columns[column] == nil {
      let needed = Column.required.map(\.rawValue).joined(separator: ", ")
      throw ImportError(
        file: file, place: "row 1",
        reason: "no column '\(column.rawValue)' (a programme needs \(needed) and end or duration)")
    }
    guard columns[.end] != nil || columns[.duration] != nil else {
      throw ImportError(file: file, place: "row 1", reason: "no column 'end' or 'duration'")
    }
    let body = rows.enumerated().dropFirst().filter {
      !$0.element.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
    guard !body.isEmpty else { throw ImportError(file: file, place: "row 2", reason: "no sessions below the header") }

    func cell(_ row: [String], _ column: Column) -> String {
      guard let index = columns[column], index < row.count else { return "" }
      return row[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func place(_ line: Int, _ column: Column) -> String {
      "row \(line + 1), column \(column.rawValue) (\(Self.letter(columns[column] ?? 0)))"
    }

    let zoneName = body.lazy.map { cell($0.element, .timezone) }.first { !$0.isEmpty }
    let (zoneId, zone) = try TimeZones.resolve(
      name: zoneName, given: givenTimeZone, sampleOffset: nil, file: file, place: "column timezone", warnings: &warnings
    )
    var roomNames: [String] = []
    var events: [RawEvent] = []
    for (line, row) in body {
      for column in Column.required where cell(row, column).isEmpty {
        throw ImportError(file: file, place: place(line, column), reason: "empty \(column.rawValue)")
      }
      if row.count > header.count {
        throw ImportError(
          file: file, place: "row \(line + 1), column \(Self.letter(header.count))",
          reason: "a cell beyond the header's \(header.count) columns (merged or shifted cells?)")
      }
      let start = try instant(cell(row, .start), zone: zone, place: place(line, .start))
      let end: Date
      if !cell(row, .end).isEmpty {
        end = try instant(cell(row, .end), zone: zone, place: place(line, .end))
      } else if !cell(row, .duration).isEmpty {
        end = start.addingTimeInterval(try duration(cell(row, .duration), place: place(line, .duration)))
      } else {
        throw ImportError(file: file, place: "row \(line + 1)", reason: "neither end nor duration")
      }
      guard end > start else {
        throw ImportError(
          file: file, place: place(line, columns[.end] != nil ? .end : .duration),
          reason: "the session must end after it starts")
      }
      let room = cell(row, .room)
      if !roomNames.contains(room) { roomNames.append(room) }
      events.append(
        RawEvent(
          place: "row \(line + 1)", guid: nil, code: cell(row, .id), sourceId: nil, title: cell(row, .title),
          roomName: room, start: start, end: end, language: cell(row, .language).isEmpty ? nil : cell(row, .language),
          speakers: try speakers(cell(row, .speakers), place: place(line, .speakers))))
    }
    let name = body.lazy.map { cell($0.element, .conference) }.first { !$0.isEmpty }
    return RawSchedule(id: nil, name: name, timeZone: zoneId, roomNames: roomNames, events: events)
  }

  /// `2026-06-25 09:00` (the sheet's local time); a number is a date as Excel counts days, refused with how to fix it.
  private func instant(_ text: String, zone: TimeZone, place: String) throws -> Date {
    if Double(text) != nil {
      throw ImportError(
        file: file, place: place,
        reason: "'\(text)' is a spreadsheet's serial date: format the column as text, 2026-06-25 09:00")
    }
    if text.hasPrefix("=") {
      throw ImportError(file: file, place: place, reason: "'\(text)' is a formula: save the values, not the formulas")
    }
    guard let local = LocalDateTime(text), let date = local.instant(in: zone) else {
      throw ImportError(file: file, place: place, reason: "'\(text)' is not a time; write 2026-06-25 09:00")
    }
    return date
  }

  /// `45` (minutes), `1:30` (hours:minutes), `1h30m`.
  private func duration(_ text: String, place: String) throws -> TimeInterval {
    guard let seconds = SessionLength.seconds(in: text) else {
      throw ImportError(
        file: file, place: place, reason: "'\(text)' is not a length; write 45 (minutes), 1:30 or 1h30m")
    }
    return seconds
  }

  /// `Name (ar) 7; Other Name (fr)`: speakers in speaking order, each with an optional language
  /// in brackets and speaking time in minutes.
  private func speakers(_ text: String, place: String) throws -> [RawSpeaker] {
    try text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { entry in
      var name = entry
      var seconds: TimeInterval?
      let words = entry.split(separator: " ")
      if words.count > 1, let last = words.last, let minutes = Double(last) {
        let time = (minutes * 60).rounded()
        if let problem = Speaker.problem(speakingTime: time) {
          throw ImportError(file: file, place: place, reason: "'\(entry)': \(problem)")
        }
        seconds = time
        name = String(entry.dropLast(last.count)).trimmingCharacters(in: .whitespaces)
      }
      var language: String?
      if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
        language = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(
          in: .whitespaces)
        name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
      }
      guard !name.isEmpty else {
        throw ImportError(file: file, place: place, reason: "a speaker without a name in '\(entry)'")
      }
      return RawSpeaker(name: name, language: language, speakingTime: seconds)
    }
  }

  /// The sheet's rows (RFC 4180: quoted fields with commas, quotes and line breaks); a comma or,
  /// as French and Arabic spreadsheets save it, a semicolon separates cells (from the header).
  static func rows(of text: String, file: String) throws -> [[String]] {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, line = 1
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
        } else {
          if character == "\n" { line += 1 }
          field.append(character)
        }
      } else if character == "\"" && field.isEmpty {
        quoted = true
      } else if character == separator {
        row.append(field)
        field = ""
      } else if character == "\n" || character == "\r\n" || character == "\r" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
        line += 1
      } else {
        field.append(character)
      }
    }
    if quoted { throw ImportError(file: file, place: "row \(rows.count + 1)", reason: "a quote that never closes") }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }

  /// A column's letter as spreadsheets name it: A, B, …, Z, AA.
  static func letter(_ index: Int) -> String {
    var index = index, letters = ""
    repeat {
      letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
      index = index / 26 - 1
    } while index >= 0
    return letters
  }
}
