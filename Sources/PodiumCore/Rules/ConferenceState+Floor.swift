extension ConferenceState {
  /// The floor language of a room now, and why: the chief interpreter's choice, else
  /// the current speaker's language (unknown when the speaker's is), else the session's.
  public func floor(in roomId: Room.ID) -> (language: String?, source: FloorSource) {
    let room = self.room(roomId)
    if let chosen = room.interpretation.floorOverride { return (chosen, .chief) }
    guard let sessionId = room.currentSessionId, let session = conference?.session(sessionId) else {
      return (nil, .none)
    }
    // The speaker's own language; the session's only when it lists nobody: a speaker whose
    // language is unknown does not inherit the session's (a French speaker in an Arabic session).
    let lineup = room.speakers(of: session)
    if lineup.indices.contains(room.speakerIndex) {
      return lineup[room.speakerIndex].language.map { ($0, .speaker) } ?? (nil, .speakerUnknown)
    }
    return session.language.map { ($0, .session) } ?? (nil, .none)
  }

  /// Where every booth of a room takes its source from now.
  public func relayMap(in roomId: Room.ID) -> [Booth.ID: RelaySource] {
    RelayMap.derive(booths: conference?.room(roomId)?.booths ?? [], floor: floor(in: roomId).language)
  }
}
