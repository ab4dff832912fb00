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

  func run() async throws {
    let resolved = try options.resolved(listen: \.boothAddress)
    let address = try ListenAddress(resolved.boothAddress)
    let access = WebAccess(keysDirectory: resolved.keysDirectory)
    try access.check(listening: address)
    let directory = options.pages(installed: Bundle.module.resourceURL!.appendingPathComponent("Public"))
    let client = try options.client(resolved, prefixes: [Topic.conference, "room/"])
    let hub = LiveHub()
    let server = BoothServer(
      client: client, hub: hub, pages: try BoothServer.Pages(directory: directory), publicDirectory: directory,
      sharedDirectory: options.sharedDirectory, requestLimit: options.requestLimit, access: access,
      publicOrigins: options.publicURLs)

    let feed = Task { await RoomFeed.follow(client, into: hub) }
    let clock = Task { await RoomFeed.tickClock(of: client, into: hub) }
    try await PluginOptions.serve(server.router(), at: address, name: "podium-booth")
    feed.cancel()
    clock.cancel()
    client.stop()
  }
}
