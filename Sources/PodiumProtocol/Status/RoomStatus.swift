import Foundation
import PodiumCore

/// The value of a room's topic (`room/<id>`): the room, its raw live state, and
/// what follows from it as of `asOf`.
///
/// Screens count down from `current.endsAt` with their offset to the daemon's
/// clock; while a session runs over, `offset` and expected starts grow with it
/// (see docs/PROTOCOL.md).
public struct RoomStatus: Codable, Equatable, Sendable {
  /// The session on now, as of `asOf`.
  public struct Current: Codable, Equatable, Sendable {
    public var session: Session
    public var speakerIndex: Int
    public var speaker: Speaker?
    public var nextSpeaker: Speaker?
    public var floorLanguage: String?
    public var startedAt: Date
    public var endsAt: Date
    public var timeLeft: Double
    public var elapsed: Double
    public var phase: Phase
    public var paused: Bool
    /// The session's speakers in their live order (what `speakerIndex` counts in); absent
    /// from daemons before 0.3.0: read `session.speakers`.
    public var lineup: [Speaker]?
    /// The speaking slot of the speaker with the floor, when they have a speaking time.
    public var slot: Slot?
    /// Seconds by which the lineup's speaking times exceed the session's planned length.
    public var speakingTimeOverrun: Double?
  }

  /// The countdown of the speaker with the floor, inside the session's.
  public struct Slot: Codable, Equatable, Sendable {
    /// Their speaking time, in seconds.
    public var allotted: Double
    public var elapsed: Double
    public var timeLeft: Double
    public var endsAt: Date
    public var phase: Phase
  }

  /// A session to come.
  public struct Upcoming: Codable, Equatable, Sendable {
    public var session: Session
    public var expectedStart: Date
    public var delay: Double
  }

  /// Audience questions for the room: whether intake is open and where (set once Q&A runs).
  public struct QuestionIntake: Codable, Equatable, Sendable {
    public var open: Bool
    public var url: String
  }

  /// A booth asking the speaker to slow down.
  public struct SlowDownRequest: Codable, Equatable, Sendable {
    public var booth: Booth.ID
    public var language: String
    public var at: Date
  }

  /// The audience question on screen, in its own language.
  public struct QuestionOnScreen: Codable, Equatable, Sendable {
    public var id: Question.ID
    public var text: String
    public var name: String?
    public var language: String?
  }

  public var room: Room
  public var state: RoomState
  public var asOf: Date
  public var current: Current?
  public var upcoming: [Upcoming]
  /// How late the room runs, in seconds (negative: early).
  public var offset: Double
  public var thresholds: Thresholds
  public var message: SpeakerMessage?
  public var qa: QuestionIntake?
  /// The audience question on screen, if any.
  public var questionOnScreen: QuestionOnScreen?
  /// Booths asking the speaker to slow down, oldest first.
  public var slowDown: [SlowDownRequest]
  /// The booths, the floor and the relay map; absent when the room has no booths.
  public var interpretation: InterpretationStatus?
  /// Whether the room's sessions start by themselves when due; absent from daemons before 0.3.0 (`off`).
  public var roll: RollMode?

  /// The status of `room` in the conference's `state` at `now`.
  public init(room: Room, conference: Conference, state conferenceState: ConferenceState, at now: Date) {
    let state = conferenceState.room(room.id)
    let timeline = RoomTimeline(conference: conference, state: state, at: now)
    self.room = room
    self.state = state
    self.asOf = now
    self.current = timeline.current.map {
      Current(
        session: $0.session, speakerIndex: state.speakerIndex, speaker: $0.speaker, nextSpeaker: $0.nextSpeaker,
        floorLanguage: $0.floorLanguage, startedAt: $0.timer.startedAt, endsAt: $0.endsAt, timeLeft: $0.timeLeft,
        elapsed: $0.elapsed, phase: $0.phase, paused: $0.timer.isPaused, lineup: $0.lineup,
        slot: $0.slot.map {
          Slot(allotted: $0.allotted, elapsed: $0.elapsed, timeLeft: $0.timeLeft, endsAt: $0.endsAt, phase: $0.phase)
        },
        speakingTimeOverrun: $0.session.speakingTimeOverrun(of: $0.lineup))
    }
    self.upcoming = timeline.upcoming.map {
      Upcoming(session: $0.session, expectedStart: $0.expectedStart, delay: $0.delay)
    }
    self.offset = timeline.offset
    self.thresholds = state.thresholds
    self.message = state.message
    let board = conferenceState.board(room.id)
    self.qa = room.questionsURL.map { QuestionIntake(open: board.intake == .open, url: $0) }
    self.questionOnScreen = board.onScreen.flatMap { board.questions[$0] }.map {
      QuestionOnScreen(id: $0.id, text: $0.text, name: $0.name, language: $0.language)
    }
    self.slowDown = room.booths.compactMap { booth in
      state.interpretation.booth(booth.id).slowDownSince.map {
        SlowDownRequest(booth: booth.id, language: booth.language, at: $0)
      }
    }.sorted { $0.at < $1.at }
    self.roll = conferenceState.rollMode(of: room)
    self.interpretation =
      room.booths.isEmpty
      ? nil : InterpretationStatus(room: room, conference: conference, state: conferenceState, at: now)
  }
}
