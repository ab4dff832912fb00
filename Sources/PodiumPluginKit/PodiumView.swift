import Foundation
import PodiumCore
import PodiumProtocol

/// A consistent view of the daemon's state, as a plugin sees it at one sequence number.
public struct PodiumView: Sendable {
  /// The highest sequence number reflected.
  public var seq: Int64
  /// Whether the daemon is reachable now; when false the view is the last known one.
  public var connected: Bool
  /// The programme, if followed and loaded.
  public var conference: Conference?
  /// Room statuses by room id (for followed rooms).
  public var rooms: [Room.ID: RoomStatus]
  /// Every followed topic's raw value, for topics this kit does not decode.
  public var topics: [String: JSONValue]

  /// An empty, disconnected view.
  public static let empty = PodiumView(seq: 0, connected: false, conference: nil, rooms: [:], topics: [:])

  /// The view of a replica's values.
  public init(replica: Replica, connected: Bool) {
    self.init(
      seq: replica.seq, connected: connected,
      conference: try? replica.values[Topic.conference]?.decode(Conference.self),
      rooms: Dictionary(
        uniqueKeysWithValues: replica.values.compactMap { topic, value in
          guard topic.hasPrefix("room/"), let status = try? value.decode(RoomStatus.self) else { return nil }
          return (status.room.id, status)
        }), topics: replica.values)
  }

  /// This view after one topic of `replica` changed: only that topic is decoded again.
  public func updating(_ topic: String, from replica: Replica, connected: Bool) -> PodiumView {
    var next = self
    next.seq = replica.seq
    next.connected = connected
    next.topics = replica.values
    let value = replica.values[topic]
    if topic == Topic.conference {
      next.conference = try? value?.decode(Conference.self)
    } else if topic.hasPrefix("room/") {
      let id = String(topic.dropFirst("room/".count))
      next.rooms[id] = try? value?.decode(RoomStatus.self)
    }
    return next
  }

  public init(
    seq: Int64, connected: Bool, conference: Conference?, rooms: [Room.ID: RoomStatus], topics: [String: JSONValue]
  ) {
    self.seq = seq
    self.connected = connected
    self.conference = conference
    self.rooms = rooms
    self.topics = topics
  }
}
