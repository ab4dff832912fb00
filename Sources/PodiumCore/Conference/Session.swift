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
  /// What its screens count; nil: down.
  public var timerKind: TimerKind?
  /// What happens when its countdown reaches zero; nil: nothing.
  public var endAction: EndAction?

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", roomId = "roomId", title = "title", titles = "titles", plannedStart = "plannedStart",
      plannedEnd = "plannedEnd", speakers = "speakers", language = "language", timerKind = "timer",
      endAction = "endAction"
  }

  public init(
    id: ID, roomId: Room.ID, title: String, titles: [String: String] = [:], plannedStart: Date,
    plannedEnd: Date, speakers: [Speaker] = [], language: String? = nil, timerKind: TimerKind? = nil,
    endAction: EndAction? = nil
  ) {
    self.id = id
    self.roomId = roomId
    self.title = title
    self.titles = titles
    self.plannedStart = plannedStart
    self.plannedEnd = plannedEnd
    self.speakers = speakers
    self.language = language
    self.timerKind = timerKind
    self.endAction = endAction
  }

  /// Planned length in seconds.
  public var plannedDuration: TimeInterval { plannedEnd.timeIntervalSince(plannedStart) }

  /// The floor language while the speaker at `index` of `lineup` (the session's speakers in
  /// their live order) speaks.
  public func floorLanguage(speakerIndex index: Int, of lineup: [Speaker]) -> String? {
    lineup.indices.contains(index) ? lineup[index].language : language
  }

  /// The speaking times of `lineup` added up, when any speaker has one.
  public static func speakingTime(of lineup: [Speaker]) -> TimeInterval? {
    let times = lineup.compactMap(\.speakingTime)
    return times.isEmpty ? nil : times.reduce(0, +)
  }

  /// Seconds by which the speaking times of `lineup` exceed the session's planned length
  /// (allowed, and warned about); nil when they fit.
  public func speakingTimeOverrun(of lineup: [Speaker]) -> TimeInterval? {
    Self.speakingTime(of: lineup).map { $0 - plannedDuration }.flatMap { $0 > 0 ? $0 : nil }
  }
}
