import Foundation

/// Each interpreter's booth time for the rest of the day at the room's current lateness, and
/// when it will pass the day's limit (`workingConditions.maxDay`): "at this lateness, Amina
/// (plenary AR) passes 4 h of booth time at 17:40". Pure: the state and the instant come in.
///
/// The room's sessions still to come today run at their expected times (the lateness carried,
/// gaps absorbing it), the session on until it is projected to end; every member of a booth's
/// team as it stands works each of them, as booth time is counted (docs/PROTOCOL.md §9).
public struct WorkloadForecast: Codable, Equatable, Sendable {
  /// One interpreter in one booth.
  public struct Line: Codable, Equatable, Sendable {
    public var interpreter: Interpreter
    public var booth: Booth.ID
    public var language: String
    /// The conference day (local date).
    public var day: String
    /// Booth time today so far, in every room, the session on included (seconds).
    public var sofar: Double
    /// Booth time by the end of the room's day at this lateness (seconds).
    public var forecast: Double
    /// The day's limit (seconds).
    public var limit: Double
    /// When it passes the limit at this lateness; absent when it does not today, or already did.
    public var crossesAt: Date?
    /// The warning, in English, when it will pass the limit.
    public var message: String?
  }

  public var lines: [Line]

  /// The forecast of `room`'s booths in `state` at `now`.
  public init(room: Room, conference: Conference, state: ConferenceState, at now: Date) {
    let days = ConferenceDays(timeZone: conference.timeZone)
    let today = days.day(of: now)
    let roomState = state.room(room.id)
    let timeline = RoomTimeline(conference: conference, state: roomState, at: now)
    // What is still to come today: the rest of the session on, then the sessions to come.
    var segments: [(start: Date, seconds: Double)] = []
    if let current = timeline.current {
      segments.append((now, max(now, current.endsAt).timeIntervalSince(now)))
    }
    for upcoming in timeline.upcoming {
      let end = upcoming.expectedStart.addingTimeInterval(upcoming.session.plannedDuration)
      guard let piece = days.split(from: upcoming.expectedStart, to: end).first(where: { $0.day == today }) else {
        continue
      }
      segments.append((upcoming.expectedStart, piece.seconds))
    }
    // The session on, counted up to now (from its start, or the End a reopen undid).
    let record = roomState.currentSessionId.flatMap { roomState.records[$0] }
    let running =
      record.map { days.split(from: $0.countedUntil ?? $0.startedAt, to: now).last { $0.day == today }?.seconds ?? 0 }
      ?? 0
    let limit = conference.workingConditions.maximumDay
    var lines: [Line] = []
    for booth in room.booths {
      for id in roomState.interpretation.booth(booth.id).team(of: booth) {
        let person = conference.interpreter(id) ?? Interpreter(id: id, name: id)
        let counted = state.workload.filter { $0.key.interpreter == id && $0.key.day == today }.values
          .reduce(0) { $0 + $1.boothSeconds }
        let sofar = counted + running
        var total = sofar
        var crossesAt: Date?
        for segment in segments {
          if crossesAt == nil, total < limit, total + segment.seconds >= limit {
            crossesAt = segment.start.addingTimeInterval(limit - total)
          }
          total += segment.seconds
        }
        let when = crossesAt.map { Self.localTime($0, conference.timeZone) }
        lines.append(
          Line(
            interpreter: person, booth: booth.id, language: booth.language, day: today, sofar: sofar, forecast: total,
            limit: limit, crossesAt: crossesAt,
            message: when.map {
              "at this lateness, \(person.name) (\(room.id) \(booth.language.uppercased())) passes "
                + "\(InterpretationStatus.duration(limit)) of booth time at \($0)"
            }))
      }
    }
    self.lines = lines
  }

  /// `17:40` in the conference's time zone.
  static func localTime(_ instant: Date, _ timeZone: String) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.hour, .minute], from: instant)
    return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
  }
}
