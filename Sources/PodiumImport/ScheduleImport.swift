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
