import ArgumentParser
import Foundation
import Hummingbird
import PodiumConfig
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// `podium-display`: door screens, confidence monitors, the lobby and the operator's page.
@main
struct RoomDisplay: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-display",
    abstract: "Serves door screens, confidence monitors, the lobby overview and the operator's control page.")

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "host:port to listen on (default 127.0.0.1:8471; port 0 picks one).") var address: String?
  @Option(help: "The daemon's command endpoint.") var endpoint: String?
  @Option(help: "The daemon's update endpoint.") var updates: String?
  @Option(help: "Directory of the pages (default: the installed resources).") var publicDirectory: String?
  @Option(help: "Directory of the scripts all plugins share (default: the installed resources).")
  var sharedStaticDirectory: String?

  func run() async throws {
    var resolved = try PodiumSettings.load(file: settings)
    if let endpoint { resolved.commandEndpoint = endpoint }
    if let updates { resolved.updateEndpoint = updates }
    if let address { resolved.displayAddress = address }
    let address = try ListenAddress(resolved.displayAddress)
    let access = WebAccess(keysDirectory: resolved.keysDirectory)
    try access.check(listening: address)

    let directory =
      publicDirectory.map { URL(fileURLWithPath: $0) }
      ?? Bundle.module.resourceURL!.appendingPathComponent("Public")
    let client = PodiumClient(
      options: ClientOptions(
        commandEndpoint: resolved.commandEndpoint, updateEndpoint: resolved.updateEndpoint,
        prefixes: [Topic.conference, "room/"],
        curve: try resolved.curveKeys()))
    client.start()
    let hub = LiveHub()
    let server = DisplayServer(
      client: client, hub: hub, pages: try DisplayServer.Pages(directory: directory), publicDirectory: directory,
      sharedDirectory: sharedStaticDirectory.map { URL(fileURLWithPath: $0) }, access: access)

    let feed = Task { await RoomFeed.follow(client, into: hub) }
    let clock = Task { await RoomFeed.tickClock(of: client, into: hub) }
    let application = Application(
      router: server.router(),
      configuration: ApplicationConfiguration(
        address: .hostname(address.host, port: address.port), serverName: "podium-display"),
      onServerRunning: { channel in
        print("podium-display ready http://\(address.host):\(channel.localAddress?.port ?? address.port)")
        fflush(stdout)
      })
    try await application.runService()
    feed.cancel()
    clock.cancel()
    client.stop()
  }
}
