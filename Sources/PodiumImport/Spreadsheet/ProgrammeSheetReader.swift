import Foundation
import PodiumCore
import XLSX

/// Reads a programme sheet in the documented column layout (`config/programme-template.csv`,
/// docs/OPERATIONS.md): a header row naming the columns in any order, then one session a row.
/// Errors name the row and the column (`row 4, column start (D)`); the first one stops the
/// import, so nothing is half-imported.
struct ProgrammeSheetReader {
  /// The columns of a programme, named in the header row as here.
  enum Column: String, CaseIterable {
    case id, room, title, start, end, duration, language, speakers, conference, timezone

    /// The columns every programme has (and one of `end` and `duration`).
    static let required: [Column] = [.id, .room, .title, .start]
  }

  var file: String
  var givenTimeZone: String?

  func read(_ sheet: ProgrammeSheet, warnings: inout [ImportWarning]) throws -> RawSchedule {
    let prefix = sheet.placePrefix
    func error(_ place: String, _ reason: String) -> ImportError {
      ImportError(file: file, place: prefix + place, reason: reason)
    }
    guard let header = sheet.rows.first, !header.allSatisfy({ $0.text.isEmpty }) else {
      throw error("row 1", "the sheet is empty: the first row names the columns")
    }
    var columns: [Column: Int] = [:]
    for (index, cell) in header.enumerated() {
      let text = cell.text.lowercased().replacingOccurrences(of: " ", with: "")
      guard !text.isEmpty else { continue }
      let place = "row 1, column \(CellAddress.columnName(index))"
      guard let key = Column(rawValue: text) else {
        let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
        throw error(place, "unknown column '\(cell.text)' (columns: \(known))")
      }
      guard columns[key] == nil else { throw error(place, "column '\(text)' twice") }
      columns[key] = index
    }
    for column in Column.required where columns[column] == nil {
      let needed = Column.required.map(\.rawValue).joined(separator: ", ")
      throw error("row 1", "no column '\(column.rawValue)' (a programme needs \(needed) and end or duration)")
    }
    guard columns[.end] != nil || columns[.duration] != nil else {
      throw error("row 1", "no column 'end' or 'duration'")
    }
    let width = (header.lastIndex { !$0.text.isEmpty } ?? 0) + 1
    let body = sheet.rows.enumerated().dropFirst().filter { !$0.element.allSatisfy { $0.text.isEmpty } }
    guard !body.isEmpty else { throw error("row 2", "no sessions below the header") }

    func cell(_ row: [ProgrammeCell], _ column: Column) -> ProgrammeCell? {
      guard let index = columns[column], index < row.count, !row[index].text.isEmpty else { return nil }
      return row[index]
    }
    func text(_ row: [ProgrammeCell], _ column: Column) -> String { cell(row, column)?.text ?? "" }
    func place(_ line: Int, _ column: Column) -> String {
      "\(prefix)row \(line + 1), column \(column.rawValue) (\(CellAddress.columnName(columns[column] ?? 0)))"
    }

    let zoneName = body.lazy.map { text($0.element, .timezone) }.first { !$0.isEmpty }
    let (zoneId, zone) = try TimeZones.resolve(
      name: zoneName, given: givenTimeZone, sampleOffset: nil, file: file, place: prefix + "column timezone",
      warnings: &warnings)
    var roomNames: [String] = []
    var events: [RawEvent] = []
    for (line, row) in body {
      for column in Column.required where cell(row, column) == nil {
        throw ImportError(file: file, place: place(line, column), reason: "empty \(column.rawValue)")
      }
      if let beyond = row.indices.dropFirst(width).first(where: { !row[$0].text.isEmpty }) {
        throw error(
          "row \(line + 1), column \(CellAddress.columnName(beyond))",
          "a cell beyond the header's \(width) columns (merged or shifted cells?)")
      }
      let start = try instant(cell(row, .start)!, zone: zone, place: place(line, .start))
      let end: Date
      if let endCell = cell(row, .end) {
        end = try instant(endCell, zone: zone, place: place(line, .end))
      } else if let length = cell(row, .duration) {
        end = start.addingTimeInterval(try duration(length, place: place(line, .duration)))
      } else {
        throw error("row \(line + 1)", "neither end nor duration")
      }
      guard end > start else {
        throw ImportError(
          file: file, place: place(line, columns[.end] != nil ? .end : .duration),
          reason: "the session must end after it starts")
      }
      let room = text(row, .room)
      if !roomNames.contains(room) { roomNames.append(room) }
      events.append(
        RawEvent(
          place: "\(prefix)row \(line + 1)", guid: nil, code: text(row, .id), sourceId: nil, title: text(row, .title),
          roomName: room, start: start, end: end, language: cell(row, .language)?.text,
          speakers: try speakers(text(row, .speakers), place: place(line, .speakers))))
    }
    let name = body.lazy.map { text($0.element, .conference) }.first { !$0.isEmpty }
    return RawSchedule(id: nil, name: name, timeZone: zoneId, roomNames: roomNames, events: events)
  }

  /// `2026-06-25 09:00` (the sheet's local time), or a workbook's cell formatted as a date and time.
  private func instant(_ cell: ProgrammeCell, zone: TimeZone, place: String) throws -> Date {
    let local: LocalDateTime?
    switch cell {
    case .number(_, let date?):
      guard !date.isTimeOnly else {
        throw ImportError(
          file: file, place: place, reason: "'\(date)' is a time without a date: write 2026-06-25 09:00")
      }
      local = LocalDateTime(date.description)
    case .number(let serial, nil):
      let asDate = SerialDate(serial).map { " (as a date: \($0))" } ?? ""
      throw ImportError(
        file: file, place: place,
        reason: "'\(cell.text)' is a number\(asDate): format the column as dates (yyyy-mm-dd hh:mm)")
    case .text(let text):
      if Double(text) != nil {
        throw ImportError(
          file: file, place: place,
          reason: "'\(text)' is a spreadsheet's serial date: format the column as text, 2026-06-25 09:00")
      }
      if text.hasPrefix("=") {
        throw ImportError(file: file, place: place, reason: "'\(text)' is a formula: save the values, not the formulas")
      }
      local = LocalDateTime(cell.text)
    }
    guard let local, let date = local.instant(in: zone) else {
      throw ImportError(file: file, place: place, reason: "'\(cell.text)' is not a time; write 2026-06-25 09:00")
    }
    return date
  }

  /// `45` (minutes), `1:30` (hours:minutes), `1h30m`, or a workbook's cell formatted as a time (`[h]:mm`).
  private func duration(_ cell: ProgrammeCell, place: String) throws -> TimeInterval {
    if case .number(let days, let shown?) = cell {
      guard shown.isTimeOnly, days > 0 else {
        throw ImportError(
          file: file, place: place, reason: "'\(shown)' is a date, not a length; write 45 (minutes) or 1:30")
      }
      return (days * 86_400).rounded()
    }
    guard let seconds = SessionLength.seconds(in: cell.text) else {
      throw ImportError(
        file: file, place: place, reason: "'\(cell.text)' is not a length; write 45 (minutes), 1:30 or 1h30m")
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
}
