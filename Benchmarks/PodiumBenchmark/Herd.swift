import ArgumentParser
import Foundation
import ZeroMQ

/// Hundreds of followers (the reference client's rules, `Followers`) resyncing at once: started
/// together, after the daemon froze (a network blip, as they see it), and after a restart
/// with a changed programme.
struct Herd: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "400 followers started at once, after a freeze, and after a restart with a changed programme.")

  @Option(help: "Followers.") var followers = 400
  @Option(help: "Rooms of the conference.") var rooms = 16

  func run() throws {
    let daemon = try Daemon(rooms: rooms)
    try Load.startSessions(daemon, rooms: rooms)
    let fullSnapshot = try Load.snapshotEntryBytes(daemon, topic: "")
    let seq = daemon.readySeq + Int64(rooms)
    let before = ProcessUsage(pid: daemon.pid)
    var started = monotonic()
    let herd = try Followers(count: followers, commands: daemon.commands, updates: daemon.updates)
    let atStart = Self.live(herd, at: seq, since: started)
    let cpuAtStart = ProcessUsage(pid: daemon.pid).cpu - before.cpu
    let askedAtStart = (herd.snapshotsAsked, herd.snapshotsTimedOut)

    // A blip: the daemon stops answering for 5 s (every follower counts it gone), then comes back.
    kill(daemon.pid, SIGSTOP)
    herd.run(for: 5) { _ in false }
    started = monotonic()
    kill(daemon.pid, SIGCONT)
    let afterBlip = Self.live(herd, at: seq, since: started)

    // A restart with a changed programme: every title changes.
    try Daemon.conference(rooms: rooms, titleSuffix: " (modifiée)")
      .write(toFile: daemon.conferencePath, atomically: true, encoding: .utf8)
    daemon.terminate()
    started = monotonic()
    try daemon.start()
    let afterRestart = Self.live(herd, at: daemon.readySeq, since: started)
    let peak = ProcessUsage.peakResident(pid: daemon.pid)
    herd.close()
    daemon.stop()

    print("\(followers) followers of everything; a full snapshot: \(fullSnapshot) bytes of values")
    func row(_ path: String, _ result: (all: Double?, half: Double?, live: Int)) -> Row {
      Row(
        path: path,
        podium: result.all.map { "all live after \(secondsText($0))" }
          ?? "\(result.live) of \(followers) live after 60 s",
        raw: result.half.map { "half after \(secondsText($0))" } ?? "", target: "all ≤ 10 s")
    }
    printTable([
      row("\(followers) followers started at once", atStart),
      Row(
        path: "… daemon CPU until all live; snapshots asked / timed out",
        podium: "\(secondsText(cpuAtStart)); \(askedAtStart.0) / \(askedAtStart.1)"),
      row("after the daemon froze for 5 s (from SIGCONT)", afterBlip),
      row("after a restart with a changed programme (from the restart)", afterRestart),
      Row(path: "daemon peak RSS (after the restart)", podium: mebibytes(peak)),
    ])
  }

  /// Runs the followers up to 60 s, until all are connected at `seq`: when all were, when
  /// half were, and how many were at the end.
  static func live(
    _ herd: Followers, at seq: Int64, since started: Double
  ) -> (
    all: Double?, half: Double?, live: Int
  ) {
    var half: Double?
    var all: Double?
    var live = 0
    herd.run(for: 60 - (monotonic() - started)) { herd in
      live = herd.live(at: seq)
      if half == nil, live * 2 >= herd.count { half = monotonic() - started }
      if live == herd.count { all = monotonic() - started }
      return all != nil
    }
    return (all, half, live)
  }
}
