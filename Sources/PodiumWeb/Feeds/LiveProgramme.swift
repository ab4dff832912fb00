import Foundation
import PodiumCore
import PodiumProtocol

/// The programme as it stands now, for schedule apps and calendars: every session with its
/// actual times once it started, its expected times while it is to come (the room running
/// late moves them), and its planned times beside them. Pure: the rooms' statuses and the
/// instant come in; `schedule.json`, `schedule.xml` and iCalendar are written from it.
public struct LiveProgramme: Sendable {
  /// One session of the programme.
  public struct Item: Equatable, Sendable {
    /// Where the session stands.
    public enum Status: String, Sendable {
      case planned, running, ended
      /// Never started, while a later session of its room did.
      case skipped
    }

    public var session: Session
    public var room: Room
    /// Its actual start once it started, else when it is expected to start (whole minutes).
    public var start: Date
    /// Its actual end once it ended, else when it is expected to end (whole minutes).
    public var end: Date
    public var status: Status
    /// When its times last changed, as far as the room's status tells: the room's last change,
    /// or now when the room running late has moved them since.
    public var lastModified: Date
    /// Its position in the programme, from 1 (frab's numeric `id`).
    public var number: Int
    /// A UUID made from the conference's and the session's ids: the same in every feed and
    /// every day (frab's `guid`, iCalendar's `UID`).
    public var guid: String

    /// Seconds between its planned and its (expected or actual) start; positive: late.
    public var delay: TimeInterval { start.timeIntervalSince(session.plannedStart) }

    /// iCalendar's `SEQUENCE`: milliseconds from `epoch` (the day before the conference) to
    /// `lastModified`, which never goes back, so calendars take each move as newer. It fits
    /// iCalendar's 32-bit integer for 24 days of conference.
    public func sequence(since epoch: Date) -> Int {
      min(Int(Int32.max), max(0, Int((lastModified.timeIntervalSince(epoch) * 1000).rounded(.down))))
    }
  }

  public var conference: Conference
  /// The sessions, in planned order.
  public var items: [Item]
  /// The instant the feed describes.
  public var asOf: Date

  /// The programme of `conference` with the rooms' live `statuses`, at the daemon's `now`.
  public init(conference: Conference, statuses: [Room.ID: RoomStatus], at now: Date) {
    self.conference = conference
    asOf = now
    let numbers = Dictionary(
      conference.sessions.enumerated().map { ($0.element.id, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
    var items: [Item] = []
    for room in conference.rooms {
      let status = statuses[room.id]
      let state = status?.state ?? RoomState(roomId: room.id)
      let timesNow = Self.times(conference, state, at: now)
      let timesThen = status.map { Self.times(conference, state, at: $0.asOf) } ?? timesNow
      for session in conference.sessions(in: room.id) {
        let (start, end, itemStatus) =
          timesNow[session.id] ?? (
            session.plannedStart, session.plannedEnd, state.records.isEmpty ? .planned : .skipped
          )
        let moved = timesThen[session.id].map { $0.start != start || $0.end != end } ?? false
        items.append(
          Item(
            session: session, room: room, start: start, end: end, status: itemStatus,
            lastModified: moved ? now : (status?.asOf ?? conference.sessions.first?.plannedStart ?? now),
            number: numbers[session.id] ?? 0, guid: Self.guid(conference.id, session.id)))
      }
    }
    self.items = items.sorted { ($0.session.plannedStart, $0.number) < ($1.session.plannedStart, $1.number) }
  }

  /// The same programme, one room's sessions only.
  public func only(room: Room.ID) -> LiveProgramme {
    var one = self
    one.items = items.filter { $0.room.id == room }
    return one
  }

  /// Midnight (UTC) before the first planned session: where `sequence` counts from.
  public var epoch: Date {
    let first = conference.sessions.map(\.plannedStart).min() ?? asOf
    return Date(timeIntervalSince1970: (first.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 - 86_400)
  }

  /// Each session's times in the room at `instant`: actual once started, expected to come.
  private static func times(
    _ conference: Conference, _ state: RoomState, at instant: Date
  ) -> [Session.ID: (
    start: Date, end: Date, status: Item.Status
  )] {
    var times: [Session.ID: (start: Date, end: Date, status: Item.Status)] = [:]
    for (id, record) in state.records {
      if let ended = record.endedAt { times[id] = (second(record.startedAt), second(ended), .ended) }
    }
    let timeline = RoomTimeline(conference: conference, state: state, at: instant)
    if let current = timeline.current {
      times[current.session.id] = (
        second(current.timer.startedAt), minute(max(instant, current.endsAt)), .running
      )
    }
    for upcoming in timeline.upcoming {
      let start = minute(upcoming.expectedStart)
      times[upcoming.session.id] = (start, start.addingTimeInterval(upcoming.session.plannedDuration), .planned)
    }
    return times
  }

  /// `instant` rounded up to the whole minute (an expected time: never earlier than it is).
  private static func minute(_ instant: Date) -> Date {
    Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 60).rounded(.up) * 60)
  }

  private static func second(_ instant: Date) -> Date {
    Date(timeIntervalSince1970: instant.timeIntervalSince1970.rounded(.down))
  }

  /// A version-8 UUID from two FNV-1a hashes of `conference/session`: stable, unique enough
  /// for one conference's sessions, and no cryptography needed.
  static func guid(_ conference: String, _ session: String) -> String {
    let text = Array("\(conference)/\(session)".utf8)
    func fnv(_ basis: UInt64) -> UInt64 {
      text.reduce(basis) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
    var high = fnv(0xCBF2_9CE4_8422_2325)
    var low = fnv(0x84222325_CBF29CE4)
    high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000  // version 8
    low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
    let hex = String(format: "%016llx%016llx", high, low)
    let characters = Array(hex)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
  }
}
