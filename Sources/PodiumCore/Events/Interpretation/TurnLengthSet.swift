import Foundation

/// A booth's turn length was set.
public struct TurnLengthSet: RoomEvent {
  public static let type = "turnLengthSet"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// The turn length, in seconds.
  public var seconds: TimeInterval

  public init(room: Room.ID, booth: Booth.ID, seconds: TimeInterval) {
    self.room = room
    self.booth = booth
    self.seconds = seconds
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", seconds = "seconds"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) { $0.turnLength = seconds }
  }
}
