/// Why a command was refused, in words the sender can act on.
public struct CommandRejection: Error, Equatable, Sendable {
  /// The kind of refusal, stable for programs.
  public enum Reason: String, Codable, Sendable {
    /// The command names a room the conference does not have.
    case unknownRoom = "unknown_room"
    /// The command names a session the conference does not have.
    case unknownSession = "unknown_session"
    /// The command names a booth the room does not have.
    case unknownBooth = "unknown_booth"
    /// An argument is missing, malformed or out of range.
    case invalidArgument = "invalid_argument"
    /// The command cannot apply to the room's current state.
    case notAllowedInState = "not_allowed_in_state"
  }

  /// The kind of refusal.
  public var reason: Reason
  /// A sentence for a person: what is wrong and how to fix it.
  public var message: String
  /// The argument at fault, if one is.
  public var field: String?

  public init(_ reason: Reason, _ message: String, field: String? = nil) {
    self.reason = reason
    self.message = message
    self.field = field
  }
}
