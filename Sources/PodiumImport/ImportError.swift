import Foundation
import PodiumCore

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
