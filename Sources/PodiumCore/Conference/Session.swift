import Foundation

/// A programme item in one room: a keynote, a panel, a break.
public struct Session: Codable, Equatable, Identifiable, Sendable {
  public typealias ID = String

  /// A stable identifier, kept across schedule re-imports.
  public var id: ID
  /// The room the session takes place in.
  public var roomId: Room.ID
  /// The title as written in the programme, in its own language.
  public var title: String
  /// Translations of the title by language code.
  public var titles: [String: String]
  /// Planned start, an absolute instant.
  public var plannedStart: Date
  /// Planned end, an absolute instant.
  public var plannedEnd: Date
  /// Speakers in speaking order.
  public var speakers: [Speaker]
  /// The floor language when no speaker says otherwise (code), if known.
  public var language: String?

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", roomId = "roomId", title = "title", titles = "titles", plannedStart = "plannedStart",
      plannedEnd = "plannedEnd", speakers = "speakers", language = "language"
  }

  public init(
    id: ID, roomId: Room.ID, title: String, titles: [String: String] = [:], plannedStart: Date,
    plannedEnd: Date, speakers: [Speaker] = [], language: String? = nil
  ) {
    self.id = id
    self.roomId = roomId
    self.title = title
    self.titles = titles
    self.plannedStart = plannedStart
    self.plannedEnd = plannedEnd
    self.speakers = speakers
    self.language = language
  }

  /// Planned length in seconds.
  public var plannedDuration: TimeInterval { plannedEnd.timeIntervalSince(plannedStart) }

  /// The floor language while the speaker at `index` speaks.
  public func floorLanguage(speakerIndex index: Int) -> String? {
    speakers.indices.contains(index) ? speakers[index].language : language
  }
}
