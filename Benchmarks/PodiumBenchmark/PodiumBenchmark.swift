import ArgumentParser
import Foundation

/// `podium-benchmark`: Podium's daemon on its paths, side by side with libzmq and SQLite
/// alone on the same machine in the same run (docs/PERFORMANCE.md). Run by `scripts/benchmark`
/// on a release build.
@main
struct PodiumBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-benchmark",
    abstract: "Podium's daemon against raw libzmq and SQLite, in the same run; prints a Markdown table.",
    subcommands: [Commands.self, Encode.self, Startup.self, Fairness.self, Herd.self, QuestionsLoad.self])
}

/// The command path: one client, many clients, fan-out to subscribers.
struct Commands: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Acknowledged durable commands: latency, throughput, daemon CPU, fan-out.")

  @Option(help: "Commands for the latency runs.") var count = 1000
  @Option(help: "Client threads for the throughput run.") var clients = 16
  @Option(help: "Commands each client keeps in flight.") var inFlight = 8
  @Option(help: "Seconds of the throughput run.") var seconds = 10.0
  @Option(help: "Subscribers for the fan-out runs.") var subscribers = 100
  @ArgumentParser.Flag(help: "Every room rolls: the daemon asks what is due after each batch.") var rolling = false

  func run() throws {
    let scratch = NSTemporaryDirectory() + "podium-benchmark-raw-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    let roundTrip = try Raw.roundTrip(count: count)
    let commitOne = try Raw.commits(rows: 1, count: count / 2, directory: scratch)
    let commitSixteen = try Raw.commits(rows: 16, count: count / 4, directory: scratch)
    let rawFanOut = try Raw.fanOut(subscribers: subscribers, messages: 300)

    let daemon = try Daemon(rooms: 16, rolling: rolling)
    try Load.startSessions(daemon, rooms: 16)
    let sequential = try Load.sequential(daemon, count: count)
    let before = ProcessUsage(pid: daemon.pid)
    let load = try Load.concurrent(daemon, clients: clients, inFlight: inFlight, seconds: seconds, rooms: 16)
    let after = ProcessUsage(pid: daemon.pid)
    let fanOut = try Load.fanOut(daemon, subscribers: subscribers, commands: 300)
    let peak = ProcessUsage.peakResident(pid: daemon.pid)
    daemon.stop()

    let rawPath = roundTrip.percentile(50) + commitOne.percentile(50)
    let perSecond = Double(load.acknowledged) / load.elapsed
    let cpuPerCommand = (after.cpu - before.cpu) / Double(max(1, load.acknowledged))
    let sixteenRowsPerSecond = 16 / commitSixteen.percentile(50)
    printTable([
      Row(
        path: "one client, acknowledged durable command, p50", podium: milliseconds(sequential.percentile(50)),
        raw:
          "\(milliseconds(rawPath)) (REQ/REP \(milliseconds(roundTrip.percentile(50))) + FULL commit \(milliseconds(commitOne.percentile(50))))",
        ratio: String(format: "%.2f×", sequential.percentile(50) / rawPath), target: "≤ 2×"),
      Row(
        path: "one client, p99", podium: milliseconds(sequential.percentile(99)),
        raw: milliseconds(roundTrip.percentile(99) + commitOne.percentile(99))),
      Row(
        path: "\(clients) clients × \(inFlight) in flight: acknowledged/s", podium: whole(perSecond),
        raw: "\(whole(sixteenRowsPerSecond)) rows/s at 16 rows per commit",
        ratio: String(format: "%.2f×", perSecond / sixteenRowsPerSecond), target: "≥ 20,000/s"),
      Row(
        path: "… latency p50 / p99",
        podium: "\(milliseconds(load.latencies.percentile(50))) / \(milliseconds(load.latencies.percentile(99)))"),
      Row(path: "… daemon CPU per acknowledged command", podium: microseconds(cpuPerCommand), target: "≤ 50 µs"),
      Row(path: "… daemon resident memory (peak)", podium: mebibytes(peak)),
      Row(
        path: "command → update at \(subscribers) subscribers, p99", podium: milliseconds(fanOut.percentile(99)),
        raw: "\(milliseconds(rawFanOut.percentile(99))) (PUB → \(subscribers) SUB)",
        ratio: String(format: "%.2f×", fanOut.percentile(99) / rawFanOut.percentile(99)), target: "≤ 2×"),
      Row(
        path: "… p50", podium: milliseconds(fanOut.percentile(50)), raw: milliseconds(rawFanOut.percentile(50))),
    ])
  }
}
