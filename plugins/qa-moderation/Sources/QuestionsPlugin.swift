import ArgumentParser
import Foundation
import Hummingbird
import PodiumConfig
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// `podium-qa`: the audience's question page and the moderators' console.
@main
struct QuestionsPlugin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-qa",
    abstract: "Serves the audience's question pages and the moderators' console.")

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "host:port to listen on (default 127.0.0.1:8473; port 0 picks one).") var address: String?
  @Option(help: "The daemon's command endpoint.") var endpoint: String?
  @Option(help: "The daemon's update endpoint.") var updates: String?
  @Option(help: "Directory of the pages (default: the installed resources).") var publicDirectory: String?
  @Option(help: "Directory of the scripts all plugins share (default: the installed resources).")
  var sharedStaticDirectory: String?
  @Option(help: "The moderators' secret (default: $PODIUM_QA_TOKEN, else a new random one, printed).")
  var moderatorToken: String?
  @Option(help: "Questions per device per minute.") var questionsPerMinute = 3
  @Option(help: "Votes per device per minute.") var votesPerMinute = 60
  @Option(help: "Posts per client address per minute.") var addressRequestsPerMinute = 600

  func run() async throws {
    var resolved = try PodiumSettings.load(file: settings)
    if let endpoint { resolved.commandEndpoint = endpoint }
    if let updates { resolved.updateEndpoint = updates }
    if let address { resolved.questionsAddress = address }
    let address = try ListenAddress(resolved.questionsAddress)
    let access = WebAccess(keysDirectory: resolved.keysDirectory)
    let token =
      moderatorToken ?? ProcessInfo.processInfo.environment["PODIUM_QA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
      ?? Cookies.randomValue()
    guard token.count >= 16 else { throw ValidationError("the moderator token needs at least 16 characters") }

    let directory =
      publicDirectory.map { URL(fileURLWithPath: $0) }
      ?? Bundle.module.resourceURL!.appendingPathComponent("Public")
    let client = PodiumClient(
      options: ClientOptions(
        commandEndpoint: resolved.commandEndpoint, updateEndpoint: resolved.updateEndpoint,
        prefixes: [Topic.conference, "qa/"],
        curve: try resolved.curveKeys()))
    client.start()
    let feed = QuestionFeed(client: client)
    let server = QuestionsServer(
      client: client, feed: feed, pages: try QuestionsServer.Pages(directory: directory),
      gate: ModeratorGate(token: token, access: access),
      limits: QuestionLimits(
        questionsPerMinute: questionsPerMinute, votesPerMinute: votesPerMinute,
        addressRequestsPerMinute: addressRequestsPerMinute),
      publicDirectory: directory, sharedDirectory: sharedStaticDirectory.map { URL(fileURLWithPath: $0) })

    let flusher = Task { await feed.run() }
    let clock = Task {
      while !Task.isCancelled {
        feed.tickClock()
        try? await Task.sleep(nanoseconds: 2_000_000_000)
      }
    }
    let application = Application(
      router: server.router(),
      configuration: ApplicationConfiguration(
        address: .hostname(address.host, port: address.port), serverName: "podium-qa"),
      onServerRunning: { channel in
        let base = "http://\(address.host):\(channel.localAddress?.port ?? address.port)"
        print("podium-qa ready \(base)")
        if moderatorToken == nil { print("moderator link: \(base)/moderate/ROOM?token=\(token)") }
        fflush(stdout)
      })
    try await application.runService()
    flusher.cancel()
    clock.cancel()
    client.stop()
  }
}
