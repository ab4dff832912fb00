import Foundation
import PodiumCore

/// A schedule as a reader found it.
struct RawSchedule {
  var id: String?
  var name: String?
  var timeZone: String
  /// Room names in the order the file lists them.
  var roomNames: [String]
  var events: [RawEvent]
}
