import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore

/// Commands received together, decided in order against a working copy of the
/// state, then committed in one transaction (group commit) and published: each topic
/// the batch changed once, with its value after the batch, encoded once.
struct CommandBatch {
  /// What to send back for one command once the batch is committed.
  enum Outcome {
    /// Accepted: the acknowledgement and its bytes, as stored for retries.
    case accepted(Reply.Acknowledgement, [UInt8])
    case duplicate([UInt8])
    case refused(Reply.Failure)
  }

  /// What the batch changed, to publish once it is committed.
  struct Changes {
    /// A topic the batch changed: the last event's sequence number, and every event's type.
    struct Change {
      var seq: Int64
      var events: [String]
    }

    var topics: [String: Change] = [:]
    /// Each stream's head before the batch touched it.
    var headsBefore: [String: Int64] = [:]
  }

  private(set) var working: LiveState
  private(set) var events: [StoredEvent] = []
  private(set) var commands: [CommandOutcome] = []
  private(set) var changes = Changes()
  private var acceptedIds: [String: [UInt8]] = [:]

  init(starting state: LiveState) {
    working = state
  }

  /// Decides one command at `now`; `remembered` is its first reply if it was accepted in an
  /// earlier batch.
  mutating func decide(id: String, command: RoomCommand, at now: Date, remembered: [UInt8]?) -> Outcome {
    if let earlier = acceptedIds[id] ?? remembered {
      return .duplicate(earlier)
    }
    let decided: [AnyEvent]
    do {
      decided = try working.state.decide(command, at: now)
    } catch let rejection as CommandRejection {
      return .refused(Reply.Failure(id: id, ProtocolError(rejection)))
    } catch {
      return .refused(Reply.Failure(id: id, ProtocolError(.invalidArgument, "\(error)")))
    }
    var references: [Reply.EventReference] = []
    for event in decided {
      let stored = append(event, at: now, commandId: id)
      references.append(Reply.EventReference(seq: stored.seq, type: event.type))
    }
    let ack = Reply.Acknowledgement(id: id, seq: working.lastSeq, events: references)
    let reply = EncodedBody.acknowledgement(ack)
    acceptedIds[id] = reply
    commands.append(CommandOutcome(id: id, receivedAt: now, reply: reply))
    return .accepted(ack, reply)
  }

  /// Adds an event that no command caused (a conference load), applied and sequenced.
  @discardableResult
  mutating func append(_ event: AnyEvent, at now: Date, commandId: String? = nil) -> StoredEvent {
    let topics = Topic.affected(by: event)
    let seq = working.lastSeq + 1
    let stored = StoredEvent(
      seq: seq, at: now, topic: topics[0], stream: Topic.stream(of: topics[0]), commandId: commandId, event: event)
    working.state.apply(event)
    working.lastSeq = seq
    events.append(stored)
    for topic in topics {
      let stream = Topic.stream(of: topic)
      if changes.headsBefore[stream] == nil { changes.headsBefore[stream] = working.heads[stream] ?? 0 }
      working.heads[stream] = seq
      changes.topics[topic, default: Changes.Change(seq: seq, events: [])].seq = seq
      changes.topics[topic]?.events.append(event.type)
    }
    return stored
  }
}
