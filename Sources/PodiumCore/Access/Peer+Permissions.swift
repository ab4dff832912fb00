extension Peer {
  /// Why this peer may not send `command`, or nil when it may.
  public func refusal(of command: Command) -> String? {
    switch (role, command) {
    case (.operator, _):
      return nil
    case (.booth, .interpretation(let room, let command)):
      guard !booths.isEmpty else { return nil }
      guard let booth = command.booth else {
        return "key '\(name)' acts for booths \(booths.joined(separator: ", ")) only, not for the whole room"
      }
      return booths.contains("\(room)/\(booth)")
        ? nil : "key '\(name)' may act for booths \(booths.joined(separator: ", ")), not \(room)/\(booth)"
    case (.qa, .questions(let room, _)):
      return rooms.isEmpty || rooms.contains(room)
        ? nil : "key '\(name)' may handle the questions of \(rooms.joined(separator: ", ")), not of \(room)"
    default:
      return "key '\(name)' (role \(role.rawValue)) may not send this command"
    }
  }
}

extension InterpretationCommand {
  /// The booth the command acts on, if it acts on one.
  public var booth: Booth.ID? {
    switch self {
    case .takeMicrophone(let booth, _), .requestHandover(let booth, _), .acceptHandover(let booth),
      .microphoneOff(let booth), .cough(let booth, _), .slowDown(let booth, _), .messageChief(let booth, _),
      .messageBooth(let booth, _), .assignTeam(let booth, _), .setTurnLength(let booth, _):
      booth
    case .clearSlowDown, .setFloorLanguage:
      nil
    }
  }
}
