/// Whether a room rolls: its sessions start by themselves when they are due (their planned
/// start, or later when the room runs late), unless the operator holds it.
public enum RollMode: String, Codable, CaseIterable, Sendable {
  /// Sessions start when the operator starts them.
  case off
  /// Sessions start by themselves when due.
  case rolling
  /// Rolling, held by the operator: nothing starts by itself until released.
  case held
}
