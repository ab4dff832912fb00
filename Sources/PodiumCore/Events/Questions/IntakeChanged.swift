import Foundation

/// Intake was opened, paused or closed.
public struct IntakeChanged: ModeratedEvent {
  public static let type = "intakeChanged"
  public static let topics: [TopicKind] = [.room, .questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// Intake now.
  public var intake: Intake
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, intake: Intake, by: String, at: Date) {
    self.room = room
    self.intake = intake
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", intake = "intake", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { $0.intake = intake }
  }
}
