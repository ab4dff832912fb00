import ArgumentParser
import Foundation
import Hummingbird
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
    let token =
      moderatorToken ?? ProcessInfo.processInfo.environment["PODIUM_QA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
      ?? Cookie.randomValue()
    guard token.count >= 16 else { throw ValidationError("the moderator token needs at least 16 characters") }
    let shell = try WebShell(
      options, name: "podium-qa", plugin: .questions, prefixes: [Topic.conference, "qa/"],
      installedPages: Bundle.module.resourceURL!.appendingPathComponent("Public"), pages: QuestionsServer.pages,
      shared: [WebAccess.sharedHolder("shared:moderators", role: .moderator, token: token)])
    let feed = QuestionFeed(client: shell.client)
    let server = QuestionsServer(
      shell: shell, feed: feed,
      limits: QuestionLimits(
        questionsPerMinute: questionsPerMinute, votesPerMinute: votesPerMinute,
        addressRequestsPerMinute: addressRequestsPerMinute))
    let printToken = moderatorToken == nil
    let link = shell.publicOrigins.first?.description
    try await shell.serve(
      server.router(),
      alongside: [
        { await feed.run() }, { await RoomFeed.tickClock(of: shell.client, into: feed.audience, feed.moderators) },
      ]
    ) { base in printToken ? "moderator link: \(link ?? base)/moderate/ROOM?token=\(token)" : nil }
  }
}
