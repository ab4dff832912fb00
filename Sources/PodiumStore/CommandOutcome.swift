import Foundation

/// An accepted command as the log remembers it, so a retry with the same id
/// gets the same reply and changes nothing.
public struct CommandOutcome: Equatable, Sendable {
  /// The client-chosen command id.
  public var id: String
  /// When the daemon accepted it.
  public var receivedAt: Date
  /// The acknowledgement as first sent, JSON.
  public var reply: [UInt8]

  public init(id: String, receivedAt: Date, reply: [UInt8]) {
    self.id = id
    self.receivedAt = receivedAt
    self.reply = reply
  }
}
