/// A room of the venue: a plenary hall or a breakout room.
public struct Room: Codable, Equatable, Identifiable, Sendable {
  public typealias ID = String

  /// A short stable identifier used in commands, topics and URLs, e.g. `plenary`.
  public var id: ID
  /// The room's name as signposted.
  public var name: String
  /// Translations of the name by language code, for trilingual screens.
  public var names: [String: String]
  /// The interpretation booths serving this room.
  public var booths: [Booth]
  /// Where the audience asks questions, if the room takes them (door screens show it as a QR code).
  public var questionsURL: String?
  /// Whether its sessions start by themselves when due, until the operator says otherwise
  /// (`setRoll`); nil: they do not.
  public var roll: Bool?

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", name = "name", names = "names", booths = "booths", questionsURL = "questionsURL", roll = "roll"
  }

  public init(
    id: ID, name: String, names: [String: String] = [:], booths: [Booth] = [], questionsURL: String? = nil,
    roll: Bool? = nil
  ) {
    self.id = id
    self.name = name
    self.names = names
    self.booths = booths
    self.questionsURL = questionsURL
    self.roll = roll
  }

  /// The room's name in a language, falling back on its own name.
  public func name(in language: String) -> String { names[language] ?? name }
}
