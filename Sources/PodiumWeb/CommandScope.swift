import PodiumCore
import PodiumProtocol

/// The commands one page's web API forwards, derived from the commands' declarations (who
/// sends each): the control page forwards the operator's, a booth console a booth's and the
/// chief interpreter's, and so on. Anything else is refused with 403 `out_of_scope`, whatever
/// the ZeroMQ security mode; the daemon's key roles stay the second wall.
public struct CommandScope: Sendable {
  /// The page, in words: `the control page`.
  public let surface: String
  /// Whose commands it forwards.
  public let senders: Set<Sender>
  /// Their wire names.
  public let commands: Set<String>

  public init(surface: String, senders: Set<Sender>) {
    self.surface = surface
    self.senders = senders
    self.commands = CommandCatalogue.names(sentBy: senders)
  }

  /// Why the command named `name` is not forwarded here, or nil when it is (an unknown name is
  /// left to the command decoder, which lists every known one).
  public func refusal(of name: String) -> ProtocolError? {
    guard let command = CommandCatalogue.named(name), !commands.contains(name) else { return nil }
    let whose = senders.sorted { $0.rawValue < $1.rawValue }.map(\.possessive).joined(separator: " and ")
    return ProtocolError(
      .outOfScope,
      "'\(name)' is \(command.sender.possessive) command; \(surface) forwards only \(whose) "
        + "(\(commands.sorted().joined(separator: ", ")))",
      field: "command")
  }
}
