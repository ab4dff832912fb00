extension Peer.Role {
  /// The senders a key of this role may act as (each command declares its sender).
  public var senders: Set<Sender> {
    switch self {
    case .operator: Set(Sender.allCases)
    case .display: []
    case .booth: [.booth, .chiefInterpreter]
    case .qa: [.audience, .moderator]
    }
  }
}

extension Peer {
  /// Why this peer may not send `command`, or nil when it may: its role must allow the
  /// command's sender, and a key limited to some booths or rooms acts for those only.
  public func refusal(of command: RoomCommand) -> String? {
    guard role.senders.contains(command.sender) else {
      return
        "key '\(name)' (role \(role.rawValue)) may not send '\(command.name)', \(command.sender.possessive) command"
    }
    if role == .booth, !booths.isEmpty {
      guard let booth = command.booth else {
        return "key '\(name)' acts for booths \(booths.joined(separator: ", ")) only, not for the whole room"
      }
      guard booths.contains("\(command.room)/\(booth)") else {
        return "key '\(name)' may act for booths \(booths.joined(separator: ", ")), not \(command.room)/\(booth)"
      }
    }
    if role == .qa, !rooms.isEmpty, !rooms.contains(command.room) {
      return "key '\(name)' may handle the questions of \(rooms.joined(separator: ", ")), not of \(command.room)"
    }
    return nil
  }
}
