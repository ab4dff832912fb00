import Foundation
import PodiumCore

/// One event as a reader found it, before ids are made.
struct RawEvent {
  /// Where in the file, for warnings.
  var place: String
  var guid: String?
  /// pretalx code or frab slug.
  var code: String?
  var sourceId: String?
  var title: String
  var roomName: String
  var start: Date
  var end: Date
  var language: String?
  var speakers: [RawSpeaker]
}

/// A person as a reader found them: a name, and a language only when the file gives one.
struct RawSpeaker: Equatable {
  var name: String
  var language: String?
  /// Their speaking time in seconds, when the file gives one (a spreadsheet's programme).
  var speakingTime: TimeInterval?
}
