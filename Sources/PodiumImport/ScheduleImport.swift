import Foundation
import PodiumCore

/// Reads the schedule formats conferences publish (frab/pretalx XML and JSON, iCalendar) and
/// organisers' spreadsheets (CSV, `.xlsx`) into a `Conference`.
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
  ///   - timeZone: The conference's IANA time zone, when the person importing (or the conference
  ///     file merged into) gives one; it wins over the file's. A file naming none needs it.
  /// - Throws: `ImportError` naming the file, the place and the reason.
  public static func parse(_ data: Data, file: String, timeZone: String? = nil) throws -> ImportedSchedule {
    guard let format = ScheduleFormat.detect(data, file: file) else {
      throw ImportError(
        file: file, place: "line 1",
        reason: "not a schedule: neither frab XML, frab JSON, iCalendar nor a .csv or .xlsx programme")
    }
    return try parse(data, file: file, format: format, timeZone: timeZone)
  }

  /// Parses a schedule file in a known format.
  public static func parse(
    _ data: Data, file: String, format: ScheduleFormat, timeZone: String? = nil
  ) throws -> ImportedSchedule {
    var warnings: [ImportWarning] = []
    let raw: RawSchedule
    switch format {
    case .frabXML: raw = try FrabXMLReader(file: file, givenTimeZone: timeZone).read(data, warnings: &warnings)
    case .frabJSON: raw = try FrabJSONReader(file: file, givenTimeZone: timeZone).read(data, warnings: &warnings)
    case .iCalendar: raw = try ICalendarReader(file: file, givenTimeZone: timeZone).read(data, warnings: &warnings)
    case .csv: raw = try CSVScheduleReader(file: file, givenTimeZone: timeZone).read(data, warnings: &warnings)
    case .xlsx: raw = try XLSXScheduleReader(file: file, givenTimeZone: timeZone).read(data, warnings: &warnings)
    }
    let conference = ConferenceBuilder(file: file).build(raw, warnings: &warnings)
    return ImportedSchedule(conference: conference, warnings: warnings, format: format)
  }
}
