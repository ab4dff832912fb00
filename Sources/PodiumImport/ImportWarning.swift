import Foundation
import PodiumCore

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
