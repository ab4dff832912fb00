import Foundation

/// The interpreter on microphone asked a partner to take over.
public struct HandoverRequested: RoomEvent {
  public static let type = "handoverRequested"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// The interpreter on microphone.
  public var from: Interpreter.ID
  /// The partner asked.
  public var to: Interpreter.ID
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, booth: Booth.ID, from: Interpreter.ID, to: Interpreter.ID, at: Date) {
    self.room = room
    self.booth = booth
    self.from = from
    self.to = to
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", from = "from", to = "to", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) { $0.handover = HandoverRequest(from: from, to: to, at: at) }
  }
}
