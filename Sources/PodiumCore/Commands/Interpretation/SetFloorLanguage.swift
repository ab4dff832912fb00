/// Sets the floor language, or (`nil`) lets it follow the speaker again.
public struct SetFloorLanguage: Command {
  public static let name = "setFloorLanguage"
  public static let sender = Sender.chiefInterpreter
  public static let events: [any Event.Type] = [FloorLanguageSet.self]

  /// A language of the conference; nil: follow the speaker.
  public var language: String?

  public init(language: String? = nil) {
    self.language = language
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case language = "language"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let floorOverride = context.interpretation.floorOverride
    let roomId = context.room.id
    guard let language else {
      return floorOverride == nil ? [] : [FloorLanguageSet(room: roomId, language: nil, at: context.now)]
    }
    let languages = context.conference.languages
    guard languages.contains(where: { $0.code == language }) else {
      let known = languages.map(\.code).joined(separator: ", ")
      throw CommandRejection(
        .invalidArgument, "'\(language)' is not a language of this conference (languages: \(known))",
        field: "language")
    }
    let booths = context.room.booths
    let covered = Set(booths.flatMap { [$0.language] + $0.sourceLanguages })
    guard booths.isEmpty || covered.contains(language) else {
      throw CommandRejection(
        .invalidArgument,
        "no booth of room '\(roomId)' can take '\(language)' (its booths take: \(covered.sorted().joined(separator: ", ")))",
        field: "language")
    }
    if floorOverride == language { return [] }
    return [FloorLanguageSet(room: roomId, language: language, at: context.now)]
  }
}
