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
    let resolved = try options.resolved(listen: \.boothAddress)
    let address = try ListenAddress(resolved.boothAddress)
    let state = ProcessInfo.processInfo.environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
    let access = WebAccess(
      keysDirectory: resolved.keysDirectory,
      tablets: tablets ?? (state ?? resolved.keysDirectory).map { "\($0)/booth-tablets.yaml" })
    try access.check(listening: address)
    let directory = options.pages(installed: Bundle.module.resourceURL!.appendingPathComponent("Public"))
    let client = try options.client(resolved, prefixes: [Topic.conference, "room/"])
    let hub = LiveHub()
    let server = BoothServer(
      client: client, hub: hub, pages: try BoothServer.Pages(directory: directory), publicDirectory: directory,
      sharedDirectory: options.sharedDirectory, requestLimit: options.requestLimit, access: access,
      publicOrigins: try options.publicOrigins(of: .booths, in: resolved), trustedProxies: resolved.trustedProxies)

    let feed = Task { await RoomFeed.follow(client, into: hub) }
    let clock = Task { await RoomFeed.tickClock(of: client, into: hub) }
    try await PluginOptions.serve(server.router(), at: address, name: "podium-booth")
    feed.cancel()
    clock.cancel()
    client.stop()
  }
}
