import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore

/// Commands received together, decided in order against a working copy of the
/// state, then committed in one transaction (group commit).
struct CommandBatch {
  /// What to send back for one command once the batch is committed.
  enum Outcome {
    case accepted(Reply.Acknowledgement)
    case duplicate([UInt8])
    case refused(Reply.Failure)
  }

  private(set) var working: LiveState
  private(set) var events: [StoredEvent] = []
  private(set) var commands: [CommandOutcome] = []
  /// The topic value after each event, to publish once committed.
  private(set) var updates: [Update] = []
  private var acceptedIds: [String: [UInt8]] = [:]

  init(starting state: LiveState) {
    working = state
  }

  /// Decides one command at `now`; `remembered` looks up replies of commands accepted before.
  mutating func decide(
    id: String, command: RoomCommand, at now: Date, remembered: (String) throws -> [UInt8]?
  ) -> Outcome {
    if let earlier = acceptedIds[id] ?? (try? remembered(id)) ?? nil {
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
    let reply = WireCoding.encode(ack)
    acceptedIds[id] = reply
    commands.append(CommandOutcome(id: id, receivedAt: now, reply: reply))
    return .accepted(ack)
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
      let prev = working.heads[stream] ?? 0
      working.heads[stream] = seq
      let value = working.value(of: topic, at: now) ?? .null
      updates.append(Update(seq: seq, prev: prev, topic: topic, at: now, event: event.type, value: value))
    }
    return stored
  }
}
