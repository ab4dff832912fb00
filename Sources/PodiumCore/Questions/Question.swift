import Foundation

/// An audience question, as moderators see it.
public struct Question: Codable, Equatable, Identifiable, Sendable {
  public typealias ID = String

  /// Where a question stands.
  public enum State: String, Codable, Sendable {
    /// Waiting for a moderator; never shown to the audience.
    case pending
    /// Shown to the audience, who may vote for it.
    case approved
    /// Never shown; the asker is not told.
    case dismissed
    /// Archived after it was answered (restorable).
    case answered
    /// Folded into another question, which took its votes.
    case merged
  }

  public var id: ID
  public var room: Room.ID
  /// The session on when it was asked, if any.
  public var session: Session.ID?
  public var text: String
  /// The asker's name; nil when anonymous.
  public var name: String?
  /// The language it is written in (code), if known.
  public var language: String?
  /// An opaque id of the asker's device (for bans); never shown to the audience.
  public var device: String
  public var state: State
  /// Why the blocklist held it back for review, if it did.
  public var held: String?
  public var starred: Bool
  public var tags: [String]
  public var votes: Int
  /// The question it was merged into.
  public var mergedInto: ID?
  public var submittedAt: Date

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", room = "room", session = "session", text = "text", name = "name", language = "language",
      device = "device", state = "state", held = "held", starred = "starred", tags = "tags", votes = "votes",
      mergedInto = "mergedInto", submittedAt = "submittedAt"
  }

  public init(
    id: ID, room: Room.ID, session: Session.ID? = nil, text: String, name: String? = nil, language: String? = nil,
    device: String, state: State = .pending, held: String? = nil, starred: Bool = false, tags: [String] = [],
    votes: Int = 0, mergedInto: ID? = nil, submittedAt: Date
  ) {
    self.id = id
    self.room = room
    self.session = session
    self.text = text
    self.name = name
    self.language = language
    self.device = device
    self.state = state
    self.held = held
    self.starred = starred
    self.tags = tags
    self.votes = votes
    self.mergedInto = mergedInto
    self.submittedAt = submittedAt
  }
}
