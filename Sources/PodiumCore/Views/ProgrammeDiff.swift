import Foundation

/// What changed between two programmes, session by session (matched by id).
public struct ProgrammeDiff: Equatable, Sendable {
  /// A session whose planned fields differ, with the names of what changed.
  public struct Change: Equatable, Sendable {
    public var before: Session
    public var after: Session
    /// `title`, `room`, `start`, `end`, `speakers`, `language`, `titles`.
    public var fields: [String]
  }

  public var added: [Session]
  public var removed: [Session]
  public var changed: [Change]
  /// Rooms added or removed, by id.
  public var addedRooms: [Room.ID]
  public var removedRooms: [Room.ID]

  /// The differences from `old` to `new`.
  public init(from old: Conference?, to new: Conference) {
    let before = Dictionary(uniqueKeysWithValues: (old?.sessions ?? []).map { ($0.id, $0) })
    let after = Dictionary(uniqueKeysWithValues: new.sessions.map { ($0.id, $0) })
    added = new.sessions.filter { before[$0.id] == nil }
    removed = (old?.sessions ?? []).filter { after[$0.id] == nil }
    changed = new.sessions.compactMap { session in
      guard let previous = before[session.id], previous != session else { return nil }
      var fields: [String] = []
      if previous.title != session.title { fields.append("title") }
      if previous.titles != session.titles { fields.append("titles") }
      if previous.roomId != session.roomId { fields.append("room") }
      if previous.plannedStart != session.plannedStart { fields.append("start") }
      if previous.plannedEnd != session.plannedEnd { fields.append("end") }
      if previous.speakers != session.speakers { fields.append("speakers") }
      if previous.language != session.language { fields.append("language") }
      return Change(before: previous, after: session, fields: fields)
    }
    let oldRooms = Set((old?.rooms ?? []).map(\.id))
    let newRooms = Set(new.rooms.map(\.id))
    addedRooms = new.rooms.map(\.id).filter { !oldRooms.contains($0) }
    removedRooms = (old?.rooms ?? []).map(\.id).filter { !newRooms.contains($0) }
  }

  /// Whether the programmes' sessions and rooms are the same.
  public var isEmpty: Bool {
    added.isEmpty && removed.isEmpty && changed.isEmpty && addedRooms.isEmpty && removedRooms.isEmpty
  }
}
