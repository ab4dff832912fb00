import ArgumentParser
import Foundation
import Hummingbird
import PodiumConfig
import PodiumPluginKit
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

  func run() async throws {
    var resolved = try PodiumSettings.load(file: settings)
    if let endpoint { resolved.commandEndpoint = endpoint }
    if let updates { resolved.updateEndpoint = updates }
    if let address { resolved.displayAddress = address }
    let (host, port) = try Self.split(resolved.displayAddress)

    let directory =
      publicDirectory.map { URL(fileURLWithPath: $0) }
      ?? Bundle.module.resourceURL!.appendingPathComponent("Public")
    let client = PodiumClient(
      options: ClientOptions(commandEndpoint: resolved.commandEndpoint, updateEndpoint: resolved.updateEndpoint))
    client.start()
    let hub = LiveHub()
    let server = DisplayServer(
      client: client, hub: hub, pages: try DisplayServer.Pages(directory: directory), publicDirectory: directory)

    let feed = Task {
      var previous: PodiumView?
      for await view in client.views() {
        let events = DisplayFeed.events(for: view, since: previous)
        hub.forget(roomsOtherThan: Set(view.rooms.keys))
        hub.publish(changed: events.rooms, all: events.all, unknownRoom: DisplayFeed.unknownRoom(in: view))
        previous = view
      }
    }
    let clock = Task {
      while !Task.isCancelled {
        hub.broadcast(DisplayFeed.clock(client.daemonNow))
        try? await Task.sleep(nanoseconds: 2_000_000_000)
      }
    }
    let application = Application(
      router: server.router(),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "podium-display"),
      onServerRunning: { channel in
        print("podium-display ready http://\(host):\(channel.localAddress?.port ?? port)")
        fflush(stdout)
      })
    try await application.runService()
    feed.cancel()
    clock.cancel()
    client.stop()
  }

  static func split(_ address: String) throws -> (String, Int) {
    guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
      throw ValidationError("address must be host:port (got \(address))")
    }
    return (String(address[..<colon]), port)
  }
}
