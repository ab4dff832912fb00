import Foundation

/// A room's interpretation as of an instant: the floor, every booth with its turn and
/// relay source, the interpreters' workload today and the working-condition alerts.
public struct InterpretationStatus: Codable, Equatable, Sendable {
  /// One booth as its console and the chief interpreter see it.
  public struct BoothStatus: Codable, Equatable, Sendable {
    public var booth: Booth.ID
    public var language: String
    public var channel: Int
    public var team: [Interpreter]
    public var onMic: Interpreter?
    public var turnStartedAt: Date?
    public var turnLength: Double
    public var turnEndsAt: Date?
    public var turnPhase: TurnPhase
    public var muted: Bool
    public var handover: HandoverRequest?
    public var source: RelaySource
    public var output: String?
    public var backToFloorAt: Date?
    public var slowDown: Bool
    public var messages: [BoothMessage]
  }

  /// One interpreter's work in one booth today, the running turn and session included.
  public struct WorkloadLine: Codable, Equatable, Sendable {
    public var interpreter: Interpreter
    public var booth: Booth.ID
    public var day: String
    public var micSeconds: Double
    public var turns: Int
    public var longestTurn: Double
    public var boothSeconds: Double
  }

  public var floorLanguage: String?
  public var floorSource: FloorSource
  public var booths: [BoothStatus]
  /// Rules crossed as of `asOf`.
  public var alerts: [BoothAlert]
  /// Rules that will be crossed at their `since` if nothing changes (screens show them from then on,
  /// as they count down: no update is published when a limit is merely reached).
  public var upcomingAlerts: [BoothAlert]
  public var workload: [WorkloadLine]
  /// Each team member's booth time for the rest of the day at the room's lateness, and when
  /// it passes the day's limit (`WorkloadForecast`); absent from daemons before 0.3.0.
  public var forecast: [WorkloadForecast.Line]?

  /// The interpretation of `room` in `state` at `now`.
  public init(room: Room, conference: Conference, state: ConferenceState, at now: Date) {
    let roomState = state.room(room.id)
    let rules = conference.workingConditions
    let days = ConferenceDays(timeZone: conference.timeZone)
    let today = days.day(of: now)
    let floor = state.floor(in: room.id)
    let sources = state.relayMap(in: room.id)
    let record = roomState.currentSessionId.flatMap { roomState.records[$0] }
    let sessionStart = record?.startedAt
    // Booth time not counted yet: since the start, or since the End a reopen undid.
    let sessionToday =
      record.map { days.split(from: $0.countedUntil ?? $0.startedAt, to: now).last { $0.day == today }?.seconds ?? 0 }
      ?? 0
    let person = { (id: Interpreter.ID) in conference.interpreter(id) ?? Interpreter(id: id, name: id) }

    floorLanguage = floor.language
    floorSource = floor.source
    var booths: [BoothStatus] = []
    var alerts: [BoothAlert] = []
    var upcoming: [BoothAlert] = []
    /// A limit on a value that grows with time (while `growing`): an alert now if crossed,
    /// else, if it grows, the alert to come at the instant it will be crossed.
    func consider(
      _ rule: BoothAlert.Rule, _ booth: Booth.ID, _ interpreter: Interpreter.ID?, value: Double, limit: Double,
      growing: Bool, message: (Double, Double) -> String
    ) {
      let crossing = now.addingTimeInterval(limit - value)
      if value > limit {
        alerts.append(
          BoothAlert(
            rule: rule, booth: booth, interpreter: interpreter, message: message(value, limit), value: value,
            limit: limit, since: crossing))
      } else if growing {
        upcoming.append(
          BoothAlert(
            rule: rule, booth: booth, interpreter: interpreter, message: message(limit, limit), value: limit,
            limit: limit, since: crossing))
      }
    }
    var workload: [WorkloadLine] = []
    for booth in room.booths {
      let live = roomState.interpretation.booth(booth.id)
      let team = live.team(of: booth)
      let turnLength = live.turnLength ?? rules.turnLength
      let turnEndsAt = live.turnStartedAt?.addingTimeInterval(turnLength)
      let source = sources[booth.id] ?? .unsourced
      booths.append(
        BoothStatus(
          booth: booth.id, language: booth.language, channel: booth.channel, team: team.map(person),
          onMic: live.onMic.map(person), turnStartedAt: live.turnStartedAt, turnLength: turnLength,
          turnEndsAt: turnEndsAt, turnPhase: TurnPhase(timeLeft: turnEndsAt.map { $0.timeIntervalSince(now) }),
          muted: live.muted, handover: live.handover, source: source, output: source.output,
          backToFloorAt: live.backToFloorAt, slowDown: live.slowDownSince != nil, messages: live.messages))

      for interpreter in team {
        var day =
          state.workload[WorkloadKey(interpreter: interpreter, room: room.id, booth: booth.id, day: today)]
          ?? WorkloadDay()
        if live.onMic == interpreter, let started = live.turnStartedAt {
          day.micSeconds += days.split(from: started, to: now).last { $0.day == today }?.seconds ?? 0
          if days.day(of: started) == today { day.turns += 1 }
          day.longestTurn = max(day.longestTurn, now.timeIntervalSince(started))
        }
        day.boothSeconds += sessionToday
        workload.append(
          WorkloadLine(
            interpreter: person(interpreter), booth: booth.id, day: today, micSeconds: day.micSeconds,
            turns: day.turns, longestTurn: day.longestTurn, boothSeconds: day.boothSeconds))
        let elsewhere = state.workload.filter {
          $0.key.interpreter == interpreter && $0.key.day == today && ($0.key.room, $0.key.booth) != (room.id, booth.id)
        }.values.reduce(0) { $0 + $1.boothSeconds }
        let dayTotal = day.boothSeconds + elsewhere
        consider(
          .dayTooLong, booth.id, interpreter, value: dayTotal, limit: rules.maximumDay, growing: sessionStart != nil
        ) {
          "\(person(interpreter).name) has \(Self.duration($0)) of booth time today (limit \(Self.duration($1)))"
        }
      }

      if let onMic = live.onMic, let started = live.turnStartedAt {
        consider(
          .turnTooLong, booth.id, onMic, value: now.timeIntervalSince(started), limit: rules.maximumTurn, growing: true
        ) {
          "\(person(onMic).name) has been on microphone in booth \(booth.id) for \(Self.duration($0)) "
            + "(limit \(Self.duration($1)))"
        }
      }
      if let sessionStart {
        let sessionLength = now.timeIntervalSince(sessionStart)
        consider(.sessionTooLong, booth.id, nil, value: sessionLength, limit: rules.maximumSession, growing: true) {
          "booth \(booth.id) has worked this session for \(Self.duration($0)) (limit \(Self.duration($1)))"
        }
        if team.count == 1 {
          consider(.soloBooth, booth.id, team[0], value: sessionLength, limit: rules.maximumSolo, growing: true) {
            "booth \(booth.id) has worked with one interpreter for \(Self.duration($0)) (limit \(Self.duration($1)))"
          }
        }
        if source.kind == .none, let floorLanguage = floor.language {
          alerts.append(
            BoothAlert(
              rule: .noSource, booth: booth.id,
              message: "booth \(booth.id) cannot take '\(floorLanguage)' from the floor or from any booth "
                + "(it takes \(booth.sourceLanguages.joined(separator: ", ")))"))
        }
      }
    }
    self.booths = booths
    self.alerts = alerts
    self.upcomingAlerts = upcoming.sorted { ($0.since ?? now) < ($1.since ?? now) }
    self.workload = workload
    self.forecast = WorkloadForecast(room: room, conference: conference, state: state, at: now).lines
  }

  /// `1 h 05 min` or `34 min`.
  static func duration(_ seconds: Double) -> String {
    let minutes = Int(seconds / 60)
    return minutes >= 60 ? "\(minutes / 60) h \(String(format: "%02d", minutes % 60)) min" : "\(minutes) min"
  }
}
