import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore
import ZeroMQ

extension Daemon {
  /// Drains waiting requests, commits the commands among them, then answers all in order.
  func serveBatch() {
    var received: [(frames: [[UInt8]], userId: String?)] = []
    while received.count < Self.maximumBatch, let message = try? router.receiveWithUserId() {
      received.append(message)
    }
    guard !received.isEmpty else { return }
    let now = PodiumJSON.roundedToMilliseconds(Date())
    let parsed = received.map { message, userId in
      let (route, body) = Self.split(message)
      return (route: route, userId: userId, body: body, request: body.map(RequestEnvelope.parse))
    }
    // Replies of commands accepted in earlier batches, looked up once for the whole batch.
    let ids = parsed.compactMap { item -> String? in
      if case .success(let envelope)? = item.request?.result, case .command(let id, _) = envelope.request { return id }
      return nil
    }
    let remembered = (try? log.replies(forCommands: ids)) ?? [:]
    // The batch works on the live state itself, not on a copy of it (a copy of a board of
    // thousands of questions per batch would cost more than the batch): `live` is moved into
    // it, and a batch that cannot be committed is undone by reading the log again.
    let taken = live
    live = LiveState(state: ConferenceState(), lastSeq: taken.lastSeq, heads: [:])
    var batch = CommandBatch(starting: consume taken)
    var answers: [(route: [[UInt8]], answer: Answer)] = []
    var accepted: [String] = []
    for (route, userId, body, request) in parsed {
      guard let body, let (id, result) = request else {
        answers.append((route, .failure(Self.frameCountFailure)))
        continue
      }
      switch result {
      case .failure(let error):
        answers.append((route, .failure(Reply.Failure(id: id, error))))
        // A command that could not be read (unknown name, bad argument) still counts, as "unparsed".
        if body.count < ProtocolVersion.maximumRequestBytes,
          String(decoding: body, as: UTF8.self).contains("\"command\"")
        {
          metrics.command("unparsed", result: error.code.rawValue)
        }
      case .success(let envelope):
        if let client = envelope.client { metrics.heard(from: client, at: now) }
        if case .command(let commandId, let command) = envelope.request {
          let name = command.name
          if let reason = forbidden(command, from: userId) {
            answers.append((route, .failure(Reply.Failure(id: commandId, ProtocolError(.forbidden, reason)))))
            metrics.command(name, result: ErrorCode.forbidden.rawValue)
            continue
          }
          switch batch.decide(id: commandId, command: command, at: now, remembered: remembered[commandId]) {
          case .accepted(let ack, let bytes):
            answers.append((route, .acknowledgement(ack, bytes)))
            accepted.append(name)
          case .duplicate(let reply):
            answers.append((route, .duplicate(reply)))
            metrics.command(name, result: "duplicate")
          case .refused(let failure):
            answers.append((route, .failure(failure)))
            metrics.command(name, result: failure.code.rawValue)
          }
        } else if let key = QueryQueue.key(of: envelope, route: route) {
          queries.enqueue(QueryQueue.Query(route: route, envelope: envelope, received: now), as: key)
        } else {
          answers.append((route, .query(envelope)))
        }
      }
    }
    var committed = true
    do {
      let started = Date()
      try log.append(batch.events, commands: batch.commands)
      live = batch.working
      if !batch.events.isEmpty {
        metrics.committed(events: batch.events.count, in: Date().timeIntervalSince(started), sequence: live.lastSeq)
      }
    } catch {
      committed = false
      logger.error("\(error); refusing the batch's \(batch.commands.count) commands")
      restoreFromLog(at: now)
    }

    for name in accepted {
      metrics.command(name, result: committed ? "accepted" : ErrorCode.storageUnavailable.rawValue)
    }
    // Acknowledgements first; then the batch's values are encoded (once: updates and
    // snapshots share them), so that queries in the same batch see them; then the updates.
    for (route, answer) in answers where !answer.isQuery {
      send(route, reply(for: answer, committed: committed, at: now))
    }
    let publications = committed ? live.publications(of: batch.changes, at: now) : []
    for (route, answer) in answers where answer.isQuery {
      send(route, reply(for: answer, committed: committed, at: now))
    }
    publish(publications)
    if live.lastSeq - live.checkpointSeq >= checkpointInterval { writeCheckpoint() }
  }

  /// The state as the log has it, after a batch that could not be committed. A log that
  /// cannot even be read stops the daemon (systemd starts it again).
  private func restoreFromLog(at now: Date) {
    do {
      live = try LiveState(replaying: log, at: now)
    } catch {
      logger.error("cannot read the event log back after a failed commit: \(error); stopping")
      control.stop()
    }
  }

  /// Serves waiting `snapshot` and `events` requests, oldest first, for at most `budget` seconds.
  func serveQueries(budget: TimeInterval = Daemon.queryBudget) {
    let started = Date()
    var now = started
    while now.timeIntervalSince(started) < budget, let query = queries.next(at: now) {
      send(query.route, respond(to: query.envelope, at: now))
      now = Date()
    }
    queries.forgetServed(before: now)
  }

  /// The snapshot of `prefix` at the last sequence number, written once per prefix and change.
  private func snapshotBody(prefix: String) -> EncodedBody.SnapshotBody {
    if snapshots.seq != live.lastSeq { snapshots = (live.lastSeq, [:]) }
    if let body = snapshots.bodies[prefix] { return body }
    let body = live.snapshotBody(prefix: prefix)
    if snapshots.bodies.count < Self.cachedSnapshots { snapshots.bodies[prefix] = body }
    return body
  }

  /// Why the sender may not send `command`, or nil (always nil without CURVE).
  private func forbidden(_ command: RoomCommand, from userId: String?) -> String? {
    guard security != nil else { return nil }
    guard let userId, let peer = control.peers[userId] else {
      return "this connection's key is not authorized (any more)"
    }
    return peer.refusal(of: command)
  }

  private static let frameCountFailure = Reply.Failure(
    id: nil, ProtocolError(.malformed, "a request is one body frame (after the empty delimiter of a REQ socket)"))

  private enum Answer {
    case failure(Reply.Failure)
    case acknowledgement(Reply.Acknowledgement, [UInt8])
    case duplicate([UInt8])
    case query(RequestEnvelope)

    var isQuery: Bool {
      if case .query = self { return true }
      return false
    }
  }

  private func reply(for answer: Answer, committed: Bool, at now: Date) -> [UInt8] {
    switch answer {
    case .failure(let failure):
      return WireCoding.encode(failure)
    case .acknowledgement(let ack, let bytes):
      guard committed else {
        return WireCoding.encode(
          Reply.Failure(
            id: ack.id, ProtocolError(.storageUnavailable, "the event log cannot be written; nothing was applied")))
      }
      return bytes
    case .duplicate(let reply):
      guard var ack = try? WireCoding.decode(Reply.Acknowledgement.self, from: reply) else { return reply }
      ack.duplicate = true
      return WireCoding.encode(ack)
    case .query(let envelope):
      return respond(to: envelope, at: now)
    }
  }

  private func respond(to envelope: RequestEnvelope, at now: Date) -> [UInt8] {
    switch envelope.request {
    case .hello:
      return WireCoding.encode(
        Reply.Welcome(
          id: envelope.id, daemon: Self.identity, instance: instance, seq: live.lastSeq, now: Date(),
          updates: updateEndpoint))
    case .clock:
      return WireCoding.encode(Reply.Clock(id: envelope.id, now: Date()))
    case .snapshot(let prefix):
      return snapshotBody(prefix: prefix).reply(id: envelope.id)
    case .events(let after, let limit):
      do {
        let entries = try log.events(after: after, limit: limit).map { stored in
          Reply.LogEntry(
            seq: stored.seq, at: stored.at, topic: stored.topic, type: stored.event.type,
            version: stored.event.version, command: stored.commandId,
            event: .object([stored.event.type: (try? JSONValue(encoding: stored.event.event)) ?? .null]))
        }
        return WireCoding.encode(Reply.Events(id: envelope.id, last: live.lastSeq, events: entries))
      } catch {
        return WireCoding.encode(
          Reply.Failure(id: envelope.id, ProtocolError(.storageUnavailable, "cannot read the event log: \(error)")))
      }
    case .command:
      return WireCoding.encode(Reply.Failure(id: envelope.id, ProtocolError(.malformed, "unexpected command")))
    }
  }

  /// Splits a ROUTER message into its route (identity, and the empty delimiter of a REQ peer) and body.
  static func split(_ message: [[UInt8]]) -> (route: [[UInt8]], body: [UInt8]?) {
    guard let identity = message.first else { return ([], nil) }
    let rest = message.dropFirst()
    if rest.count == 2, rest.first!.isEmpty { return ([identity, []], rest.last!) }
    if rest.count == 1 { return ([identity], rest.first!) }
    let route = rest.first?.isEmpty == true ? [identity, []] : [identity]
    return (route, nil)
  }

  func send(_ route: [[UInt8]], _ body: [UInt8]) {
    guard !route.isEmpty else { return }
    do {
      try router.send(route + [body])
    } catch {
      logger.debug("reply dropped: \(error)")
    }
  }
}
