import Foundation

/// A conference as its programme defines it: where, when, in which languages.
///
/// The definition is loaded from a file (see `PodiumConfig`) and enters the event
/// log as a `conferenceLoaded` event, so replaying the log always knows the
/// programme that was in force at any instant.
public struct Conference: Codable, Equatable, Sendable {
  /// A short stable identifier, e.g. `rabat-care-2026`.
  public var id: String
  /// The conference's name as printed on the programme.
  public var name: String
  /// Translations of the name by language code.
  public var names: [String: String]
  /// IANA time zone identifier of the venue, e.g. `Africa/Casablanca`.
  public var timeZone: String
  /// The languages of the conference, floor and interpretation alike.
  public var languages: [Language]
  /// The rooms, in the order screens list them.
  public var rooms: [Room]
  /// Every session of every room.
  public var sessions: [Session]
  /// The interpreters' working-condition limits and default turn length.
  public var workingConditions: WorkingConditions
  /// How audience questions are checked.
  public var moderation: ModerationRules

  public init(
    id: String, name: String, names: [String: String] = [:], timeZone: String, languages: [Language], rooms: [Room],
    sessions: [Session], workingConditions: WorkingConditions = .standard, moderation: ModerationRules = .standard
  ) {
    self.id = id
    self.name = name
    self.names = names
    self.timeZone = timeZone
    self.languages = languages
    self.rooms = rooms
    self.sessions = sessions
    self.workingConditions = workingConditions
    self.moderation = moderation
  }

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", name = "name", names = "names", timeZone = "timeZone", languages = "languages", rooms = "rooms"
    case sessions = "sessions", workingConditions = "workingConditions", moderation = "moderation"
  }

  /// Reads a conference recorded by any earlier version: fields added since are optional.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(String.self, forKey: .name)
    names = try container.decodeIfPresent([String: String].self, forKey: .names) ?? [:]
    timeZone = try container.decode(String.self, forKey: .timeZone)
    languages = try container.decode([Language].self, forKey: .languages)
    rooms = try container.decode([Room].self, forKey: .rooms)
    sessions = try container.decode([Session].self, forKey: .sessions)
    workingConditions =
      try container.decodeIfPresent(WorkingConditions.self, forKey: .workingConditions) ?? .standard
    moderation = try container.decodeIfPresent(ModerationRules.self, forKey: .moderation) ?? .standard
  }

  /// The interpreter with this identifier, from any booth's team.
  public func interpreter(_ id: Interpreter.ID) -> Interpreter? {
    for room in rooms {
      for booth in room.booths {
        if let found = booth.interpreters.first(where: { $0.id == id }) { return found }
      }
    }
    return nil
  }

  /// The room with this identifier, if the conference has one.
  public func room(_ id: Room.ID) -> Room? { rooms.first { $0.id == id } }

  /// The session with this identifier, if the conference has one.
  public func session(_ id: Session.ID) -> Session? { sessions.first { $0.id == id } }

  /// The sessions of one room, in planned order.
  public func sessions(in room: Room.ID) -> [Session] {
    sessions.filter { $0.roomId == room }.sorted { ($0.plannedStart, $0.id) < ($1.plannedStart, $1.id) }
  }
}
