import Foundation
import PodiumCore

/// One line of the automations' log (JSON Lines, `control-automations.jsonl` in the data
/// directory): an occurrence seen (with the update's sequence number it was seen at, and
/// whether it was already there when the log began: `baseline`), or one action's outcome.
/// The bridge reads the occurrences back at start, so none fires twice across a restart.
struct AutomationRecord: Codable, Equatable {
  var occurrence: String
  /// The daemon's update sequence number the occurrence was seen at.
  var seq: Int64
  var at: Date
  /// True for the occurrences already in the state when the log was begun: never fired.
  var baseline: Bool?
  /// For an outcome: the automation, the action (`command showMessage`), what came of it.
  var automation: String?
  var action: String?
  var ok: Bool?
  var outcome: String?
}
