import Foundation

/// A booth asked the speaker to slow down, or withdrew the request.
public struct SlowDownChanged: RoomEvent {
  public static let type = "slowDownChanged"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// Whether the booth asks now.
  public var active: Bool
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, booth: Booth.ID, active: Bool, at: Date) {
    self.room = room
    self.booth = booth
    self.active = active
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", active = "active", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) { $0.slowDownSince = active ? at : nil }
  }
}
