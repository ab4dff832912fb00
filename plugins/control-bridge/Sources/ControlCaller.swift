import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumProtocol
import PodiumWeb

/// Who calls the bridge: a token's holder, or anyone when the bridge is open (no login
/// tokens: loopback only). What it may send follows from the holder's role: operators the
/// stage's, the interpreters' and the moderators' commands; the chief interpreter the
/// interpretation commands; a booth tablet its booth's; a moderator the moderation commands.
/// The audience's commands never go through the bridge.
struct ControlCaller: Sendable {
  /// The token's holder; nil when the bridge is open.
  let holder: WebTokens.Holder?

  /// The caller of `request`: its token's holder, or a refusal (401) when logins exist and it
  /// has none that is valid.
  static func of(_ request: Request, access: WebAccess) -> Result<ControlCaller, ProtocolError> {
    guard !access.isOpen else { return .success(ControlCaller(holder: nil)) }
    guard let holder = access.holder(of: request) else {
      return .failure(
        ProtocolError(.unauthorized, "send a login token: Authorization: Bearer TOKEN (podium tokens new)"))
    }
    return .success(ControlCaller(holder: holder))
  }

  /// The commands it may send.
  var scope: CommandScope {
    switch holder?.role {
    case nil, .operator?: Self.operatorScope
    case .chief?: Self.chiefScope
    case .booth?: Self.boothScope
    case .moderator?: Self.moderatorScope
    }
  }

  /// Why it may not send `command` although its role sends such commands: another room, or
  /// another booth than a tablet's.
  func refusal(of command: RoomCommand, access: WebAccess) -> ProtocolError? {
    guard let holder else { return nil }
    if let refusal = access.refusal(of: holder, actingIn: command.room) { return refusal }
    if holder.role == .booth, let booth = command.booth, holder.booth != "\(command.room)/\(booth)" {
      return ProtocolError(
        .forbidden,
        "the token '\(holder.name)' acts for booth \(holder.booth ?? "?") only, not \(command.room)/\(booth)",
        field: "booth")
    }
    return nil
  }

  private static let operatorScope = CommandScope(
    surface: "the control bridge for an operator's token (or without logins)",
    senders: [.operator, .chiefInterpreter, .booth, .moderator])
  private static let chiefScope = CommandScope(
    surface: "the control bridge for the chief interpreter's token", senders: [.chiefInterpreter, .booth])
  private static let boothScope = CommandScope(surface: "the control bridge for a booth's token", senders: [.booth])
  private static let moderatorScope = CommandScope(
    surface: "the control bridge for a moderator's token", senders: [.moderator])
}
