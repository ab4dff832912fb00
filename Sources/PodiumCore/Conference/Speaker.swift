/// A person who speaks in a session.
public struct Speaker: Codable, Equatable, Sendable {
  /// The name as the person writes it (Arabic names in Arabic script).
  public var name: String
  /// The language the speaker speaks (code); it becomes the floor language.
  public var language: String?
  /// Role or affiliation, e.g. "Ministre de la Solidarité".
  public var affiliation: String?

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case name = "name", language = "language", affiliation = "affiliation"
  }

  public init(name: String, language: String? = nil, affiliation: String? = nil) {
    self.name = name
    self.language = language
    self.affiliation = affiliation
  }
}
