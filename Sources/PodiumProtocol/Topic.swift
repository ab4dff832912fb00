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

  /// A room's audience questions: intake, the question on screen and next (stream `qa/<room>`).
  public static func questions(_ room: Room.ID) -> String { "qa/\(room)" }

  /// One audience question (in the stream `qa/<room>`).
  public static func question(_ id: Question.ID, in room: Room.ID) -> String { "qa/\(room)/\(id)" }

  /// The topic an event is filed under: the first of `affected(by:)`.
  public static func of(_ event: AnyEvent) -> String { affected(by: event)[0] }

  /// Every topic whose value an event changes (its declared `topics`), each in a different
  /// stream: the daemon publishes one update per topic, all with the event's sequence number.
  public static func affected(by event: AnyEvent) -> [String] {
    guard let room = event.roomId else { return [conference] }
    return event.topics.map { kind in
      switch kind {
      case .conference: conference
      case .room: Self.room(room)
      case .questionBoard: questions(room)
      case .question: event.questionId.map { question($0, in: room) } ?? questions(room)
      }
    }
  }

  /// The stream a topic belongs to.
  public static func stream(of topic: String) -> String {
    topic.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).prefix(2).joined(separator: "/")
  }
}
