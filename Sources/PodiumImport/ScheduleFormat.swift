import Foundation

/// A schedule format conferences publish.
public enum ScheduleFormat: String, Equatable, Sendable, CaseIterable {
  /// frab / pretalx / C3VOC `schedule.xml`.
  case frabXML
  /// frab / pretalx / C3VOC `schedule.json`.
  case frabJSON
  /// iCalendar (`.ics`), as pretalx and most calendar tools export it.
  case iCalendar
  /// A programme kept in a spreadsheet, saved as CSV in Podium's column layout
  /// (`config/programme-template.csv`); known by its extension only.
  case csv
  /// The same programme kept in an Excel workbook (`.xlsx`, its first sheet).
  case xlsx

  /// The format of a file, from its content first and its extension as a hint.
  ///
  /// Returns `nil` when neither the content nor the extension says.
  public static func detect(_ data: Data, file: String) -> ScheduleFormat? {
    // A CSV's first cell could begin with anything: its extension says it first.
    if fromExtension(file) == .csv { return .csv }
    // A ZIP archive: of the formats read here, only a workbook is one.
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
    if let format = fromContent(data) { return format }
    return fromExtension(file)
  }

  /// The format an extension suggests (`xml`, `json`, `ics`/`ical`/`ifb`, `csv`, `xlsx`), if any.
  public static func fromExtension(_ file: String) -> ScheduleFormat? {
    switch (file as NSString).pathExtension.lowercased() {
    case "xml": return .frabXML
    case "json": return .frabJSON
    case "ics", "ical", "icalendar", "ifb": return .iCalendar
    case "csv": return .csv
    case "xlsx": return .xlsx
    default: return nil
    }
  }

  static func fromContent(_ data: Data) -> ScheduleFormat? {
    var bytes = data.prefix(64)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    while let first = bytes.first, [0x20, 0x09, 0x0A, 0x0D].contains(first) { bytes = bytes.dropFirst() }
    guard let first = bytes.first else { return nil }
    if first == UInt8(ascii: "<") { return .frabXML }
    if first == UInt8(ascii: "{") { return .frabJSON }
    let head = String(decoding: bytes.prefix(15), as: UTF8.self).uppercased()
    if head.hasPrefix("BEGIN:VCALENDAR") { return .iCalendar }
    return nil
  }
}
