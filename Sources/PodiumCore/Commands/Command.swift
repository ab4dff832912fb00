/// A command, declared once: the type is its arguments, and it says its wire name, who
/// may send it, the events it can cause and the rule that decides it.
///
/// Everything else is derived from these declarations: the protocol's decoding and
/// encoding (`CommandCoding`), the list of names, the daemon's permission check
/// (`Peer.refusal(of:)`), the commands each plugin forwards, the topics a command can
/// change and the command table of docs/PROTOCOL.md. A new command is a new type listed
/// in `CommandCatalogue`, with its event(s) and its test.
///
/// Its `CodingKeys` are the names of its `args` on the wire, chosen, not synthesised, and
/// `CaseIterable` so that an argument the command does not know is refused by name.
public protocol Command: Codable, Equatable, Sendable {
  associatedtype CodingKeys: CodingKey & CaseIterable

  /// The command's name on the wire, e.g. `addTime`.
  static var name: String { get }
  /// Who sends it; the daemon checks a key's role against it, plugins forward by it.
  static var sender: Sender { get }
  /// Every event it may cause, in the order it causes them.
  static var events: [any Event.Type] { get }

  /// The events this command causes in `context`, or why it is refused.
  ///
  /// Pure: reads nothing but its arguments. A refusal (`CommandRejection`) changes nothing.
  func decide(_ context: CommandContext) throws -> [any Event]
}

extension Command {
  /// The names of its arguments on the wire, in declaration order.
  public static var argumentNames: [String] { CodingKeys.allCases.map(\.stringValue) }

  /// The topics its events can change.
  public static var topics: Set<TopicKind> { Set(events.flatMap { $0.topics }) }
}

/// A command that acts on one booth: keys limited to some booths may send it for those only.
public protocol BoothCommand: Command {
  /// The booth it acts on.
  var booth: Booth.ID { get }
}

/// The `CodingKeys` of a command that takes no arguments.
public enum NoArguments: CodingKey, CaseIterable {}
