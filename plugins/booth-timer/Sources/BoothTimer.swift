import ArgumentParser
import Foundation
import PodiumConfig
import PodiumProtocol
import PodiumWeb

/// `podium-booth`: interpreters' booth consoles and the chief interpreter's view.
@main
struct BoothTimer: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-booth",
    abstract: "Serves the interpreters' booth consoles and the chief interpreter's view.",
    discussion: "Listens on web.booths of the settings (default 127.0.0.1:8472).")

  @OptionGroup var options: PluginOptions
  @Option(
    help: """
      The booth tablets the chief interpreter pairs (default: booth-tablets.yaml in $STATE_DIRECTORY under \
      systemd, else in the keys directory).
      """)
  var tablets: String?

  func run() async throws {
    let tablets = self.tablets
    let state = ProcessInfo.processInfo.environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
    let shell = try WebShell(
      options, name: "podium-booth", plugin: .booths, prefixes: [Topic.conference, "room/"],
      installedPages: Bundle.module.resourceURL!.appendingPathComponent("Public"), pages: BoothServer.pages
    ) { settings in tablets ?? (state ?? settings.keysDirectory).map { "\($0)/booth-tablets.yaml" } }
    let hub = LiveHub()
    try await shell.serve(
      BoothServer(shell: shell, hub: hub).router(),
      alongside: [
        { await RoomFeed.follow(shell.client, into: hub) }, { await RoomFeed.tickClock(of: shell.client, into: hub) },
      ])
  }
}
