import Foundation

/// The live state of one booth: its team, who is on microphone since when, requests, messages.
public struct BoothState: Codable, Equatable, Sendable {
  /// Who works in the booth now, if assigned live; otherwise the booth's configured team.
  public var team: [Interpreter.ID]?
  /// The interpreter whose microphone is on.
  public var onMic: Interpreter.ID?
  /// When the current turn began.
  public var turnStartedAt: Date?
  /// The booth's turn length, if set live; otherwise the conference's.
  public var turnLength: TimeInterval?
  /// Push-to-mute is held.
  public var muted: Bool
  /// A handover asked and not yet taken.
  public var handover: HandoverRequest?
  /// The booth asks the speaker to slow down, since then.
  public var slowDownSince: Date?
  /// When the floor last moved to a language the booth takes directly, after it took relay.
  public var backToFloorAt: Date?
  /// Messages to and from the chief interpreter, oldest first.
  public var messages: [BoothMessage]

  public init(
    team: [Interpreter.ID]? = nil, onMic: Interpreter.ID? = nil, turnStartedAt: Date? = nil,
    turnLength: TimeInterval? = nil, muted: Bool = false, handover: HandoverRequest? = nil,
    slowDownSince: Date? = nil, backToFloorAt: Date? = nil, messages: [BoothMessage] = []
  ) {
    self.team = team
    self.onMic = onMic
    self.turnStartedAt = turnStartedAt
    self.turnLength = turnLength
    self.muted = muted
    self.handover = handover
    self.slowDownSince = slowDownSince
    self.backToFloorAt = backToFloorAt
    self.messages = messages
  }

  /// The team working now: assigned live, or as the conference file lists it.
  public func team(of booth: Booth) -> [Interpreter.ID] { team ?? booth.interpreters.map(\.id) }
}
