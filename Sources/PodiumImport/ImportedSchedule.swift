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
