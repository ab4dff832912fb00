/// Why the event log could not be opened or written.
public struct EventLogError: Error, CustomStringConvertible, Sendable {
  /// What the log was doing, e.g. `append 3 events`.
  public var operation: String
  /// SQLite's explanation.
  public var reason: String

  public init(operation: String, reason: String) {
    self.operation = operation
    self.reason = reason
  }

  public var description: String { "event log: \(operation): \(reason)" }
}
