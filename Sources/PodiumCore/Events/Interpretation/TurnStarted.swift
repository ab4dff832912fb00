import Foundation

/// An interpreter's microphone went on.
public struct TurnStarted: RoomEvent {
  public static let type = "turnStarted"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// The interpreter.
  public var interpreter: Interpreter.ID
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, booth: Booth.ID, interpreter: Interpreter.ID, at: Date) {
    self.room = room
    self.booth = booth
    self.interpreter = interpreter
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", interpreter = "interpreter", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) {
      $0.onMic = interpreter
      $0.turnStartedAt = at
      $0.muted = false
      $0.handover = nil
    }
  }
}
