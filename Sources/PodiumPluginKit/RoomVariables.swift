import Foundation
import PodiumCore
import PodiumProtocol

/// One room's state as flat, ready-to-show values at one instant of the daemon's clock: what a
/// Stream Deck button, a QLab cue or a TouchOSC label shows without computing anything (time
/// left as `mm:ss` and in seconds, phase, on air, lateness, titles, speakers, booths on mic).
///
/// Pure: made from a room's status, the conference and an instant; nothing is read.
public struct RoomVariables: Codable, Equatable, Sendable {
  /// One booth, flat.
  public struct BoothLine: Codable, Equatable, Sendable {
    /// The booth's id (`ar`).
    public var booth: String
    /// The language it interprets into.
    public var language: String
    /// Who is on mic; empty when no one is.
    public var onMic: String
    /// Whether the booth's microphone is cut (cough).
    public var muted: Bool
    /// Whether the booth asks the speaker to slow down.
    public var slowDown: Bool
    /// Seconds left of the turn on mic (negative: over); 0 when no one is on mic.
    public var turnLeftSeconds: Int

    public enum CodingKeys: String, CodingKey, CaseIterable {
      case booth, language, onMic, muted, slowDown, turnLeftSeconds
    }
  }

  /// The room's id.
  public var room: String
  /// The room's name.
  public var roomName: String
  /// Whether the bridge reaches the daemon now (false: the last known state).
  public var connected: Bool
  /// The daemon's instant these values are for.
  public var asOf: Date
  /// `idle` (no session on), `normal`, `warning`, `danger` or `overtime`.
  public var phase: String
  /// Whether a session is on (running or paused).
  public var running: Bool
  /// Whether its timer is paused.
  public var paused: Bool
  /// Whether a session is on and its timer runs.
  public var onAir: Bool
  /// Time left, `mm:ss` (`-mm:ss` over time, minutes beyond 59 as they come: `90:00`); empty when idle.
  public var timeLeft: String
  /// Time left in whole seconds, rounded up (negative over time); 0 when idle.
  public var timeLeftSeconds: Int
  /// Time elapsed, `mm:ss`; empty when idle.
  public var elapsed: String
  /// Time elapsed in whole seconds.
  public var elapsedSeconds: Int
  /// How late the room runs, whole minutes (negative: early).
  public var lateMinutes: Int
  /// The speaker's own slot, when they have a speaking time: `idle` without one, else its
  /// phase; its time left as `mm:ss` (empty without one) and in seconds; its length in seconds (0 without).
  public var slotPhase: String
  public var slotTimeLeft: String
  public var slotTimeLeftSeconds: Int
  public var slotAllottedSeconds: Int
  /// The session on now: title, speaker on the floor and after, floor language.
  public var currentTitle: String
  public var currentSpeaker: String
  public var nextSpeaker: String
  public var floorLanguage: String
  /// The next session: title, first speaker, expected start (`HH:mm` in the conference's
  /// zone, its day `yyyy-MM-dd`, the instant).
  public var nextTitle: String
  public var nextSessionSpeaker: String
  public var nextStart: String
  public var nextStartDay: String
  public var nextStartAt: Date?
  /// The speaker's monitor: its message, whether it blinks, whether it is blacked out.
  public var message: String
  public var messageBlink: Bool
  public var blackout: Bool
  /// Whether the room is marked full.
  public var roomFull: Bool
  /// Whether any booth asks the speaker to slow down.
  public var slowDown: Bool
  /// Booths on mic in words: `ar Salma · fr Jean`.
  public var boothsOnMic: String
  /// Every booth, flat.
  public var booths: [BoothLine]
  /// The audience question on screen; empty when none.
  public var questionOnScreen: String

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room, roomName, connected, asOf, phase, running, paused, onAir, timeLeft, timeLeftSeconds, elapsed,
      elapsedSeconds, lateMinutes, slotPhase, slotTimeLeft, slotTimeLeftSeconds, slotAllottedSeconds, currentTitle,
      currentSpeaker, nextSpeaker, floorLanguage, nextTitle,
      nextSessionSpeaker, nextStart, nextStartDay, nextStartAt, message, messageBlink, blackout, roomFull, slowDown,
      boothsOnMic, booths, questionOnScreen
  }

  /// The variables of `status` at the daemon's instant `now`; times of day in the zone of
  /// `conference` (UTC without one).
  public init(status: RoomStatus, conference: Conference?, connected: Bool, at now: Date) {
    let state = status.state
    let timer = status.current == nil ? nil : state.timer
    room = status.room.id
    roomName = status.room.name
    self.connected = connected
    asOf = now
    running = timer != nil
    paused = timer?.isPaused ?? false
    onAir = running && !paused
    let left = timer.map { Self.seconds(roundingUp: $0.timeLeft(at: now)) } ?? 0
    let gone = timer.map { Int(max(0, $0.elapsed(at: now)).rounded(.down)) } ?? 0
    timeLeftSeconds = left
    elapsedSeconds = gone
    timeLeft = timer == nil ? "" : Self.clock(left)
    elapsed = timer == nil ? "" : Self.clock(gone)
    phase = timer == nil ? "idle" : status.thresholds.phase(timeLeft: Double(left)).rawValue
    lateMinutes = Int((status.offset / 60).rounded())
    let slot = status.current.flatMap { SpeakingSlot(state: state, lineup: state.speakers(of: $0.session), at: now) }
    let slotLeft = slot.map { Self.seconds(roundingUp: $0.timeLeft) } ?? 0
    slotPhase = slot?.phase.rawValue ?? "idle"
    slotTimeLeft = slot == nil ? "" : Self.clock(slotLeft)
    slotTimeLeftSeconds = slotLeft
    slotAllottedSeconds = slot.map { Int($0.allotted.rounded()) } ?? 0
    currentTitle = status.current?.session.title ?? ""
    currentSpeaker = status.current?.speaker?.name ?? ""
    nextSpeaker = status.current?.nextSpeaker?.name ?? ""
    // The room's floor as the booths follow it (the chief interpreter may have set it), else the speaker's.
    floorLanguage = status.interpretation?.floorLanguage ?? status.current?.floorLanguage ?? ""
    let next = status.upcoming.first
    nextTitle = next?.session.title ?? ""
    nextSessionSpeaker = next?.session.speakers.first?.name ?? ""
    nextStartAt = next?.expectedStart
    let zone = conference.flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!
    nextStart = next.map { Self.format($0.expectedStart, "HH:mm", zone) } ?? ""
    nextStartDay = next.map { Self.format($0.expectedStart, "yyyy-MM-dd", zone) } ?? ""
    message = status.message?.text ?? ""
    messageBlink = status.message?.blink ?? false
    blackout = status.message?.blackout ?? false
    roomFull = state.full
    slowDown = !status.slowDown.isEmpty
    booths = (status.interpretation?.booths ?? []).map { booth in
      BoothLine(
        booth: booth.booth, language: booth.language, onMic: booth.onMic?.name ?? "", muted: booth.muted,
        slowDown: booth.slowDown, turnLeftSeconds: Self.turnLeft(booth, at: now))
    }
    boothsOnMic = booths.filter { !$0.onMic.isEmpty }.map { "\($0.booth) \($0.onMic)" }.joined(separator: " · ")
    questionOnScreen = status.questionOnScreen?.text ?? ""
  }

  private static func turnLeft(_ booth: InterpretationStatus.BoothStatus, at now: Date) -> Int {
    guard booth.onMic != nil, let end = booth.turnEndsAt else { return 0 }
    return seconds(roundingUp: end.timeIntervalSince(now))
  }

  /// Whole seconds, rounded up: a countdown shows `00:01` until the last second is gone.
  static func seconds(roundingUp value: TimeInterval) -> Int {
    guard value.isFinite else { return 0 }
    return Int(value.rounded(.up))
  }

  /// `mm:ss`, `-mm:ss` below zero.
  public static func clock(_ seconds: Int) -> String {
    let magnitude = abs(seconds)
    return (seconds < 0 ? "-" : "") + String(format: "%02d:%02d", magnitude / 60, magnitude % 60)
  }

  private static func format(_ instant: Date, _ pattern: String, _ zone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = pattern
    return formatter.string(from: instant)
  }
}
