import Foundation

/// The operator changed the speakers of the session on: added, removed or moved one, or
/// changed a speaking time. Carries the whole new lineup and who has the floor in it.
public struct LineupChanged: RoomEvent {
  public static let type = "lineupChanged"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The speakers of the session on, in their new order.
  public var lineup: [Speaker]
  /// The index in `lineup` of the speaker with the floor (unchanged person, maybe moved).
  public var speakerIndex: Int
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, lineup: [Speaker], speakerIndex: Int, at: Date) {
    self.room = room
    self.lineup = lineup
    self.speakerIndex = speakerIndex
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", lineup = "lineup", speakerIndex = "speakerIndex", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.changeFloor(in: room, at: at) {
      $0.lineup = lineup
      $0.speakerIndex = speakerIndex
      if Session.speakingTime(of: lineup) == nil {
        $0.slotStart = nil
      } else if $0.slotStart == nil {
        // The lineup gives speaking times from now: the speaker with the floor counts from their start.
        $0.startSlot(lineup: lineup, at: $0.speakerStartedAt ?? at)
      }
    }
  }
}
