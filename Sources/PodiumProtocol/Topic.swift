import PodiumCore

/// Topic names of the update stream, and the streams they belong to.
///
/// A topic is a `/`-separated path. Its *stream* is its first two segments
/// (`room/plenary`), or the whole topic if it has one segment (`conference`).
/// Sequence chaining (`prev`) and `heads` are per stream.
public enum Topic {
  /// The programme: name, time zone, languages, rooms, sessions.
  public static let conference = "conference"
  /// Heartbeats, with the daemon's clock and the head of every stream.
  public static let heartbeat = "sys/heartbeat"

  /// A room's live state.
  public static func room(_ id: Room.ID) -> String { "room/\(id)" }

  /// The topic an event updates.
  public static func of(_ event: Event) -> String {
    if let roomId = event.roomId { return room(roomId) }
    return conference
  }

  /// The stream a topic belongs to.
  public static func stream(of topic: String) -> String {
    topic.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).prefix(2).joined(separator: "/")
  }
}
