import Foundation

extension CommandContext {
  /// The longest speaker name or affiliation a lineup change may give, in characters.
  static let maximumSpeakerText = 200

  /// The event of a change to the lineup of the session on: `change` edits the speakers
  /// (those who spoke and the one with the floor stay where they are), or refuses.
  func changeLineup(_ change: (inout [Speaker], _ floor: Int) throws -> Void) throws -> [any Event] {
    _ = try runningTimer()
    let before = currentLineup
    var lineup = before
    let floor = roomState.speakerIndex
    try change(&lineup, floor)
    guard lineup != before else { return [] }
    return [LineupChanged(room: room.id, lineup: lineup, speakerIndex: floor, at: now)]
  }

  /// The first position the lineup may change at: after the speaker with the floor (the start
  /// when the session lists nobody yet). Who spoke, and who speaks, is history.
  func firstOpenPosition(in lineup: [Speaker]) -> Int {
    lineup.isEmpty ? 0 : roomState.speakerIndex + 1
  }

  /// `position` checked against `range`, or a refusal naming `field`.
  func position(_ position: Int, in range: Range<Int>, field: String) throws -> Int {
    guard range.contains(position) else {
      let allowed =
        range.isEmpty
        ? "none: nobody speaks after the speaker with the floor" : "\(range.lowerBound)…\(range.upperBound - 1)"
      throw CommandRejection(
        .invalidArgument, "\(field) \(position) cannot change (positions that can: \(allowed))", field: field)
    }
    return position
  }

  /// A speaking time checked, or a refusal naming `seconds`.
  func speakingTime(_ seconds: TimeInterval?) throws -> TimeInterval? {
    guard let seconds else { return nil }
    if let problem = Speaker.problem(speakingTime: seconds) {
      throw CommandRejection(.invalidArgument, problem, field: "seconds")
    }
    return seconds
  }

  /// A speaker's text (name or affiliation) trimmed and checked, or a refusal naming `field`.
  func speakerText(_ text: String, field: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.count <= Self.maximumSpeakerText else {
      throw CommandRejection(
        .invalidArgument, "\(field) must be 1 to \(Self.maximumSpeakerText) characters (got \(trimmed.count))",
        field: field)
    }
    return trimmed
  }
}
