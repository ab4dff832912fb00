import ArgumentParser
import Foundation
import PodiumConfig
import PodiumProtocol
import PodiumWeb

/// `podium-display`: door screens, confidence monitors, the lobby and the operator's page.
@main
struct RoomDisplay: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-display",
    abstract: "Serves door screens, confidence monitors, the lobby overview and the operator's control page.",
    discussion: "Listens on web.display of the settings (default 127.0.0.1:8471).")

  @OptionGroup var options: PluginOptions

  func run() async throws {
    let shell = try WebShell(
      options, name: "podium-display", plugin: .display, prefixes: [Topic.conference, "room/"],
      installedPages: Bundle.module.resourceURL!.appendingPathComponent("Public"), pages: DisplayServer.pages)
    let hub = LiveHub()
    let server = DisplayServer(shell: shell, hub: hub, questionsOrigin: shell.settings.publicOrigins[.questions])
    try await shell.serve(
      server.router(),
      alongside: [
        { await RoomFeed.follow(shell.client, into: hub) }, { await RoomFeed.tickClock(of: shell.client, into: hub) },
      ])
  }
}
