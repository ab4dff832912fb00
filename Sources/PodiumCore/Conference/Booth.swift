/// A simultaneous interpretation booth serving one room.
public struct Booth: Codable, Equatable, Identifiable, Sendable {
  public typealias ID = String

  /// A stable identifier within the room, usually the target language, e.g. `ar`.
  public var id: ID
  /// The language the booth interprets into (code).
  public var language: String
  /// The channel number listeners tune their receivers to.
  public var channel: Int
  /// Languages the booth can take from the floor (its interpreters' passive languages).
  public var sourceLanguages: [String]
  /// Whether the booth also works into a source language (retour).
  public var retour: Bool
  /// The interpreters of the booth's team.
  public var interpreters: [Interpreter]

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", language = "language", channel = "channel", sourceLanguages = "sourceLanguages",
      retour = "retour", interpreters = "interpreters"
  }

  public init(
    id: ID, language: String, channel: Int, sourceLanguages: [String] = [], retour: Bool = false,
    interpreters: [Interpreter] = []
  ) {
    self.id = id
    self.language = language
    self.channel = channel
    self.sourceLanguages = sourceLanguages
    self.retour = retour
    self.interpreters = interpreters
  }
}
