import Foundation

extension Thresholds {
  /// The thresholds of a speaking slot of `allotted` seconds: the room's, but never more than
  /// a quarter of the slot to warning and a tenth to danger (a 7-minute slot warns at 1:45
  /// and turns danger at 0:42).
  public func forSlot(of allotted: TimeInterval) -> Thresholds {
    Thresholds(warning: min(warning, allotted / 4), danger: min(danger, allotted / 10))
  }
}
