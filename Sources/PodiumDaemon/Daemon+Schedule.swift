import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore

extension Daemon {
  /// Sends the daemon the commands the schedule makes due now (end actions, rolling rooms),
  /// decided and committed like any other: their ids say `schedule:` and what they follow
  /// from, so the log keeps who did it and none is applied twice. Returns when to look again.
  func runSchedule() -> Date {
    let now = PodiumJSON.roundedToMilliseconds(Date())
    let due = live.state.due(at: now).filter { !scheduleRefused.contains($0.id) }
    if !due.isEmpty {
      let remembered = (try? log.replies(forCommands: due.map(\.id))) ?? [:]
      var batch = CommandBatch(starting: live)
      for scheduled in due {
        let name = scheduled.command.name
        switch batch.decide(id: scheduled.id, command: scheduled.command, at: now, remembered: remembered[scheduled.id])
        {
        case .accepted:
          logger.info("schedule: \(name) in room '\(scheduled.command.room)' (\(scheduled.id))")
          metrics.command(name, result: "accepted")
        case .duplicate:
          scheduleRefused.insert(scheduled.id)
        case .refused(let failure):
          // Due by the state yet refused by the rule: a defect to see, not to retry each turn.
          logger.warning("schedule: \(name) in room '\(scheduled.command.room)' refused: \(failure.message)")
          scheduleRefused.insert(scheduled.id)
        }
      }
      do {
        try log.append(batch.events, commands: batch.commands)
        live = batch.working
        publish(live.publications(of: batch.changes, at: now))
      } catch {
        logger.error("\(error); the schedule's commands are not applied (tried again)")
      }
    }
    return live.state.nextDue(after: now) ?? .distantFuture
  }
}
