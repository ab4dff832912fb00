import ArgumentParser
import Foundation
import PodiumConfig
import PodiumProtocol
import PodiumWeb

/// `podium-qa`: the audience's question page and the moderators' console.
@main
struct QuestionsPlugin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-qa",
    abstract: "Serves the audience's question pages and the moderators' console.",
    discussion: "Listens on web.questions of the settings (default 127.0.0.1:8473).")

  @OptionGroup var options: PluginOptions
  @Option(help: "The moderators' secret (default: $PODIUM_QA_TOKEN, else a new random one, printed).")
  var moderatorToken: String?
  @Option(help: "Questions per device per minute.") var questionsPerMinute = 3
  @Option(help: "Votes per device per minute.") var votesPerMinute = 60
  @Option(help: "Posts per client address per minute.") var addressRequestsPerMinute = 600

  func run() async throws {
    let resolved = try options.resolved(listen: \.questionsAddress)
    let address = try ListenAddress(resolved.questionsAddress)
    let access = WebAccess(keysDirectory: resolved.keysDirectory)
    let token =
      moderatorToken ?? ProcessInfo.processInfo.environment["PODIUM_QA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
      ?? Cookies.randomValue()
    guard token.count >= 16 else { throw ValidationError("the moderator token needs at least 16 characters") }

    let directory = options.pages(installed: Bundle.module.resourceURL!.appendingPathComponent("Public"))
    let client = try options.client(resolved, prefixes: [Topic.conference, "qa/"])
    let feed = QuestionFeed(client: client)
    let origins = try options.publicOrigins(of: .questions, in: resolved)
    let server = QuestionsServer(
      client: client, feed: feed, pages: try QuestionsServer.Pages(directory: directory),
      gate: ModeratorGate(token: token, access: access),
      limits: QuestionLimits(
        questionsPerMinute: questionsPerMinute, votesPerMinute: votesPerMinute,
        addressRequestsPerMinute: addressRequestsPerMinute),
      publicDirectory: directory, sharedDirectory: options.sharedDirectory, requestLimit: options.requestLimit,
      publicOrigins: origins, trustedProxies: resolved.trustedProxies)

    let flusher = Task { await feed.run() }
    let clock = Task { await RoomFeed.tickClock(of: client, into: feed.audience, feed.moderators) }
    let printToken = moderatorToken == nil
    try await PluginOptions.serve(server.router(), at: address, name: "podium-qa") { base in
      printToken ? "moderator link: \(origins.first?.description ?? base)/moderate/ROOM?token=\(token)" : nil
    }
    flusher.cancel()
    clock.cancel()
    client.stop()
  }
}
