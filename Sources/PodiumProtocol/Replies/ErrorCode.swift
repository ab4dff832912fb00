import PodiumCore

/// Why a request was refused, as the `code` of an `error` reply.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
  /// Not valid UTF-8, not a JSON object, the wrong frame count, or no string `type`.
  case malformed
  /// The request names a protocol version this daemon does not speak.
  case unsupportedVersion = "unsupported_version"
  /// The request's `type` is not one the daemon knows.
  case unknownType = "unknown_type"
  /// The `command` is not one the daemon knows.
  case unknownCommand = "unknown_command"
  /// The command names a room the conference does not have.
  case unknownRoom = "unknown_room"
  /// The command names a session the conference does not have.
  case unknownSession = "unknown_session"
  /// The command names a booth the room does not have.
  case unknownBooth = "unknown_booth"
  /// An argument is missing, unknown, malformed or out of range.
  case invalidArgument = "invalid_argument"
  /// The command cannot apply to the current state.
  case notAllowedInState = "not_allowed_in_state"
  /// The sender's key may not send this command (its role or scope, see docs/OPERATIONS.md).
  case forbidden
  /// The request body exceeds `ProtocolVersion.maximumRequestBytes`.
  case messageTooLarge = "message_too_large"
  /// The event log cannot be written (disk full, read-only): nothing was applied.
  case storageUnavailable = "storage_unavailable"
  /// Never sent by the daemon: a plugin's web API says so when the daemon does not answer.
  case daemonUnreachable = "daemon_unreachable"
  /// Never sent by the daemon: a plugin's web API refuses a client that sends too much, too fast.
  case rateLimited = "rate_limited"
  /// Never sent by the daemon: a plugin's web API needs a token the request lacks.
  case unauthorized
  /// Never sent by the daemon: a plugin's web API does not forward this command (not its page's).
  case outOfScope = "out_of_scope"
  /// Never sent by the daemon: a plugin's web API refuses a state change posted from another origin.
  case crossOrigin = "cross_origin"
  /// Never sent by the daemon: a plugin's web API takes state changes as `application/json` only.
  case unsupportedMediaType = "unsupported_media_type"

  /// What the code means, for people (docs/PROTOCOL.md §7).
  public var meaning: String {
    switch self {
    case .malformed: "not one body frame; not valid UTF-8; not a JSON object; no string `type`"
    case .unsupportedVersion: "`protocol` present and not 1 (`field: \"protocol\"`)"
    case .unknownType: "`type` is not a request type (`field: \"type\"`)"
    case .unknownCommand: "`command` is not a command name (`field: \"command\"`); the message lists every name"
    case .unknownRoom: "the conference has no such room (`field: \"room\"`)"
    case .unknownSession: "the conference has no such session (`field: \"session\"`)"
    case .unknownBooth: "the room has no such booth (`field: \"booth\"`)"
    case .invalidArgument:
      "a member or argument is unknown, missing, of the wrong type or out of range (`field` names it)"
    case .notAllowedInState: "the command cannot apply to the room as it is now, or no conference is loaded yet"
    case .forbidden:
      "the sender's key (CURVE) may not send this command: its role or scope (the message names both); from a "
        + "plugin's web API, the login may not (a booth tablet acting for another booth, `field: \"booth\"`)"
    case .messageTooLarge: "the body is over 16 384 bytes (no `id` echoed)"
    case .storageUnavailable:
      "the event log cannot be written or read (disk full, read-only…); nothing was applied: retry later, same id"
    case .daemonUnreachable:
      "**never sent by the daemon**: a plugin's web API, when the daemon does not answer it (retrying is safe)"
    case .rateLimited:
      "**never sent by the daemon**: a plugin's web API, to a device or address that sends too much (`Retry-After`)"
    case .unauthorized: "**never sent by the daemon**: a plugin's web API, to a request without the login it needs"
    case .outOfScope:
      "**never sent by the daemon**: a plugin's web API, to a command its page does not send (HTTP 403; the message "
        + "names what it forwards)"
    case .crossOrigin:
      "**never sent by the daemon**: a plugin's web API, to a state change posted by a page of another origin (HTTP 403)"
    case .unsupportedMediaType:
      "**never sent by the daemon**: a plugin's web API, to a state change whose body is not `application/json` "
        + "(HTTP 415)"
    }
  }

  /// The code for a rule's refusal.
  public init(_ reason: CommandRejection.Reason) {
    switch reason {
    case .unknownRoom: self = .unknownRoom
    case .unknownSession: self = .unknownSession
    case .unknownBooth: self = .unknownBooth
    case .invalidArgument: self = .invalidArgument
    case .notAllowedInState: self = .notAllowedInState
    }
  }
}

/// A refused request: the code, a sentence for a person, and the field at fault.
public struct ProtocolError: Error, Equatable, Sendable {
  public var code: ErrorCode
  public var message: String
  public var field: String?

  public init(_ code: ErrorCode, _ message: String, field: String? = nil) {
    self.code = code
    self.message = message
    self.field = field
  }

  /// The protocol form of a rule's refusal.
  public init(_ rejection: CommandRejection) {
    self.init(ErrorCode(rejection.reason), rejection.message, field: rejection.field)
  }
}
