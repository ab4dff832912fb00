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
    let resolved = try options.resolved(listen: \.displayAddress)
    let address = try ListenAddress(resolved.displayAddress)
    let access = WebAccess(keysDirectory: resolved.keysDirectory)
    try access.check(listening: address)
    let directory = options.pages(installed: Bundle.module.resourceURL!.appendingPathComponent("Public"))
    let client = try options.client(resolved, prefixes: [Topic.conference, "room/"])
    let hub = LiveHub()
    let server = DisplayServer(
      client: client, hub: hub, pages: try DisplayServer.Pages(directory: directory), publicDirectory: directory,
      sharedDirectory: options.sharedDirectory, requestLimit: options.requestLimit, access: access,
      publicOrigins: try options.publicOrigins(of: .display, in: resolved),
      trustedProxies: resolved.trustedProxies, questionsOrigin: resolved.publicOrigins[.questions])

    let feed = Task { await RoomFeed.follow(client, into: hub) }
    let clock = Task { await RoomFeed.tickClock(of: client, into: hub) }
    try await PluginOptions.serve(server.router(), at: address, name: "podium-display")
    feed.cancel()
    clock.cancel()
    client.stop()
  }
}
