import Foundation

/// A device may no longer ask or vote.
public struct DeviceBanned: ModeratedEvent {
  public static let type = "deviceBanned"
  public static let topics: [TopicKind] = [.questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// The opaque device id.
  public var device: String
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, device: String, by: String, at: Date) {
    self.room = room
    self.device = device
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", device = "device", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { $0.bannedDevices.insert(device) }
  }
}
