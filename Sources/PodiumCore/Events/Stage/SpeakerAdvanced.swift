import Foundation

/// The next speaker took the floor, their speaking slot starts; the floor language follows
/// them and slow-down requests end.
public struct SpeakerAdvanced: RoomEvent {
  public static let type = "speakerAdvanced"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The speaker's index in the session's speakers.
  public var speakerIndex: Int
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, speakerIndex: Int, at: Date) {
    self.room = room
    self.speakerIndex = speakerIndex
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", speakerIndex = "speakerIndex", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    let session = state.room(room).currentSessionId.flatMap { state.conference?.session($0) }
    state.changeFloor(in: room, at: at) {
      $0.speakerIndex = speakerIndex
      $0.speakerStartedAt = at
      $0.startSlot(lineup: session.map($0.speakers(of:)) ?? [], at: at)
      $0.interpretation.floorOverride = nil
      for id in $0.interpretation.booths.keys { $0.interpretation.booths[id]?.slowDownSince = nil }
    }
  }
}
