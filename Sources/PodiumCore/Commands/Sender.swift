/// Who sends a command, in the conference's terms. Each command declares one; a key's
/// role (`Peer.Role`) says which senders it may act as.
public enum Sender: String, Codable, Sendable, CaseIterable {
  /// The room's operator: the control page, the CLI, control surfaces.
  case `operator`
  /// An interpreter at a booth console.
  case booth
  /// The chief interpreter, for every booth of a room.
  case chiefInterpreter
  /// Someone in the audience, from the question page.
  case audience
  /// A moderator of the audience's questions.
  case moderator

  /// Whose command it is, in words: `the operator's`, `a booth's`…
  public var possessive: String {
    switch self {
    case .operator: "the operator's"
    case .booth: "a booth's"
    case .chiefInterpreter: "the chief interpreter's"
    case .audience: "the audience's"
    case .moderator: "a moderator's"
    }
  }
}
