import Foundation

/// Push-to-mute was pressed or released.
public struct CoughChanged: RoomEvent {
  public static let type = "coughChanged"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// Whether the microphone is muted now.
  public var muted: Bool
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, booth: Booth.ID, muted: Bool, at: Date) {
    self.room = room
    self.booth = booth
    self.muted = muted
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", muted = "muted", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) { $0.muted = muted }
  }
}
