import Foundation

/// The chief interpreter set the floor language (`nil`: follow the speaker).
public struct FloorLanguageSet: RoomEvent {
  public static let type = "floorLanguageSet"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The floor language; nil to follow the speaker again.
  public var language: String?
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, language: String?, at: Date) {
    self.room = room
    self.language = language
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", language = "language", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.changeFloor(in: room, at: at) { $0.interpretation.floorOverride = language }
  }
}
