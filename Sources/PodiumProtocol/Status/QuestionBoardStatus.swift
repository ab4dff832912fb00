import PodiumCore

/// The value of a room's questions topic (`qa/<room>`): intake, the session, which
/// question is on screen and next (by id: each question is its own topic), bans.
public struct QuestionBoardStatus: Codable, Equatable, Sendable {
  public var room: Room.ID
  /// The session on now, if any: new questions belong to it.
  public var session: Session.ID?
  public var intake: Intake
  public var onScreen: Question.ID?
  public var nextUp: Question.ID?
  /// How many devices are banned.
  public var bannedDevices: Int

  /// A room's board before the daemon said anything: open, nothing on screen.
  public init(room: Room.ID) {
    self.room = room
    self.intake = .open
    self.bannedDevices = 0
  }

  /// The board of `room` in `state`.
  public init(room: Room.ID, state: ConferenceState) {
    let board = state.board(room)
    self.room = room
    self.session = state.room(room).currentSessionId
    self.intake = board.intake
    self.onScreen = board.onScreen
    self.nextUp = board.nextUp
    self.bannedDevices = board.bannedDevices.count
  }
}
