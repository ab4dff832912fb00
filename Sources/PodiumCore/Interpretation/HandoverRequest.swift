import Foundation

/// The interpreter on microphone has asked a partner to take over.
public struct HandoverRequest: Codable, Equatable, Sendable {
  public var from: Interpreter.ID
  public var to: Interpreter.ID
  public var at: Date

  public init(from: Interpreter.ID, to: Interpreter.ID, at: Date) {
    self.from = from
    self.to = to
    self.at = at
  }
}
