import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore
import ZeroMQ

extension Daemon {
  /// Records and publishes the events that bring `programme` into force.
  func bringIntoForce(_ programme: Conference) {
    let diff = ProgrammeDiff(from: live.state.conference, to: programme)
    let events = live.state.load(programme)
    guard !events.isEmpty else {
      logger.info("programme reloaded: no change")
      return
    }
    var batch = CommandBatch(starting: live)
    let now = PodiumJSON.roundedToMilliseconds(Date())
    for event in events { batch.append(event, at: now) }
    do {
      try log.append(batch.events, commands: [])
    } catch {
      logger.error("\(error); the new programme is not in force")
      return
    }
    live = batch.working
    publish(live.publications(of: batch.changes, at: now))
    logger.info(
      "programme '\(programme.id)' in force at seq \(live.lastSeq): \(diff.added.count) sessions added, "
        + "\(diff.removed.count) removed, \(diff.changed.count) changed")
  }
}
