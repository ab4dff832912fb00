import Foundation
import PodiumCore

/// What frab XML and JSON share once read: one event's fields as text.
struct FrabEventFields {
  var place: String
  var guid: String?
  var id: String?
  var slug: String?
  var code: String?
  var date: String?
  var start: String?
  var duration: String?
  var room: String?
  var title: String?
  var language: String?
  /// Each person's name and, when the file gives one, language (as written).
  var persons: [(name: String, language: String?)]
  /// The conference day: its date (`YYYY-MM-DD`) and its start instant, for events with only a local `start`.
  var dayDate: String?
  var dayStart: String?
}
