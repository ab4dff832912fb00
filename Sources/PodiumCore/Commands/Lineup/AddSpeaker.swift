import Foundation

/// Adds a speaker to the session on, after the speaker with the floor: at `position`, or last.
public struct AddSpeaker: Command {
  public static let name = "addSpeaker"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [LineupChanged.self]

  /// The name as the person writes it.
  public var speaker: String
  /// The language they speak (a language of the conference), if known.
  public var language: String?
  /// Role or affiliation.
  public var affiliation: String?
  /// Their speaking time in seconds; nil: none.
  public var seconds: TimeInterval?
  /// Where in the lineup (0 is the first speaker); nil: last.
  public var position: Int?

  public init(
    speaker: String, language: String? = nil, affiliation: String? = nil, seconds: TimeInterval? = nil,
    position: Int? = nil
  ) {
    self.speaker = speaker
    self.language = language
    self.affiliation = affiliation
    self.seconds = seconds
    self.position = position
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case speaker = "speaker", language = "language", affiliation = "affiliation", seconds = "seconds"
    case position = "position"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let added = Speaker(
      name: try context.speakerText(speaker, field: "speaker"),
      language: try language.map { code in
        guard context.conference.languages.contains(where: { $0.code == code }) else {
          let known = context.conference.languages.map(\.code).joined(separator: ", ")
          throw CommandRejection(
            .invalidArgument, "'\(code)' is not a language of the conference (\(known))", field: "language")
        }
        return code
      },
      affiliation: try affiliation.map { try context.speakerText($0, field: "affiliation") },
      speakingTime: try context.speakingTime(seconds))
    return try context.changeLineup { lineup, _ in
      let open = context.firstOpenPosition(in: lineup)
      let at = try context.position(position ?? lineup.count, in: open..<(lineup.count + 1), field: "position")
      lineup.insert(added, at: at)
    }
  }
}
