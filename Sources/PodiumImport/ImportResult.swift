import Foundation
import PodiumCore

/// A schedule read from a published file: the conference it defines, and what the reader had to guess.
public struct ImportedSchedule: Equatable, Sendable {
  /// The conference: id from the acronym or slug, name, time zone, rooms, sessions and their languages.
  public var conference: Conference
  /// What was repaired or is doubtful in the file, in the order it was found.
  public var warnings: [ImportWarning]
  /// The format the file was read as.
  public var format: ScheduleFormat

  /// Creates an imported schedule.
  public init(conference: Conference, warnings: [ImportWarning], format: ScheduleFormat) {
    self.conference = conference
    self.warnings = warnings
    self.format = format
  }
}

/// Something the importer repaired or doubts, e.g. a duplicate id renamed or a time zone alias mapped.
public struct ImportWarning: Equatable, Sendable, CustomStringConvertible {
  /// The file, as given to `ScheduleImport.parse(_:file:)`.
  public var file: String
  /// Where in the file: a line (`line 17`), an element or a JSON path.
  public var place: String
  /// What was repaired or is doubtful.
  public var reason: String

  /// Creates a warning.
  public init(file: String, place: String, reason: String) {
    self.file = file
    self.place = place
    self.reason = reason
  }

  /// `file: place: reason`.
  public var description: String { "\(file): \(place): \(reason)" }
}

/// A file that cannot be imported: nothing is produced.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file, as given to `ScheduleImport.parse(_:file:)`.
  public var file: String
  /// Where in the file: a line and column, an element or a JSON path.
  public var place: String
  /// Why the file cannot be imported.
  public var reason: String

  /// Creates an error.
  public init(file: String, place: String, reason: String) {
    self.file = file
    self.place = place
    self.reason = reason
  }

  /// `file: place: reason`.
  public var description: String { "\(file): \(place): \(reason)" }
}
