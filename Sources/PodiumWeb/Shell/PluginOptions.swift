import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdCore
import PodiumConfig
import PodiumPluginKit

/// The flags every web plugin takes, and what each does with them: settings, the client to
/// the daemon, where the pages are, serving until stopped.
public struct PluginOptions: ParsableArguments {
  @Option(help: "Settings file (YAML).") public var settings: String?
  @Option(help: "host:port to listen on (default from the settings; port 0 picks one).") public var address: String?
  @Option(help: "The daemon's command endpoint.") public var endpoint: String?
  @Option(help: "The daemon's update endpoint.") public var updates: String?
  @Option(help: "Directory of the pages (default: the installed resources).") public var publicDirectory: String?
  @Option(help: "Directory of the scripts all plugins share (default: the installed resources).")
  public var sharedStaticDirectory: String?
  @Option(help: "Requests per client address per minute, pages and API alike.")
  public var requestsPerMinute = RequestRateLimit.standardRate
  @Option(
    name: .customLong("public-url"),
    help: """
      Where people reach this plugin (an origin: https://ask.venue.example); repeatable, the first is \
      the one links and QR codes use. Default: the settings' public.<plugin> (PODIUM_*_URL).
      """)
  public var publicURLs: [String] = []

  public init() {}

  /// The per-address request limit these options ask for.
  public var requestLimit: RequestRateLimit { RequestRateLimit(perMinute: requestsPerMinute) }

  /// The settings with these flags applied; `--address` goes to `listen`.
  public func resolved(listen: WritableKeyPath<PodiumSettings, String>) throws -> PodiumSettings {
    var resolved = try PodiumSettings.load(file: settings)
    if let endpoint { resolved.commandEndpoint = endpoint }
    if let updates { resolved.updateEndpoint = updates }
    if let address { resolved[keyPath: listen] = address }
    return resolved
  }

  /// A started client following `prefixes`, over CURVE when the settings have keys.
  public func client(_ settings: PodiumSettings, prefixes: [String]) throws -> PodiumClient {
    let client = PodiumClient(
      options: ClientOptions(
        commandEndpoint: settings.commandEndpoint, updateEndpoint: settings.updateEndpoint, prefixes: prefixes,
        curve: try settings.curveKeys()))
    client.start()
    return client
  }

  /// Where people reach `plugin`: the `--public-url` flags, else the settings' origin for it.
  /// The first is the one links use; all are accepted as origins of state-changing requests.
  public func publicOrigins(of plugin: WebPlugin, in settings: PodiumSettings) throws -> [PublicOrigin] {
    let flags = try publicURLs.map { text in
      do { return try PublicOrigin(text) } catch { throw ValidationError("--public-url: \(error)") }
    }
    return flags.isEmpty ? settings.publicOrigins[plugin].map { [$0] } ?? [] : flags
  }

  /// `--public-directory`, else the plugin's installed pages.
  public func pages(installed: URL) -> URL { publicDirectory.map { URL(fileURLWithPath: $0) } ?? installed }

  /// `--shared-static-directory`, if given.
  public var sharedDirectory: URL? { sharedStaticDirectory.map { URL(fileURLWithPath: $0) } }

  /// Serves `router` at `address` with `server` (HTTP/1, or with WebSocket upgrades) until the
  /// process is stopped; prints `NAME ready http://…` (and what `ready` adds) once listening.
  public static func serve<Context: RequestContext>(
    _ router: Router<Context>, at address: ListenAddress, name: String, server: HTTPServerBuilder = .http1(),
    ready: @escaping @Sendable (String) -> String? = { _ in nil }
  ) async throws where Context: InitializableFromSource<ApplicationRequestContextSource> {
    let application = Application(
      router: router, server: server,
      configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: name),
      onServerRunning: { channel in
        let base = "http://\(address.host):\(channel.localAddress?.port ?? address.port)"
        print("\(name) ready \(base)")
        if let more = ready(base) { print(more) }
        fflush(nil)  // every stream (the `stdout` global is not concurrency-safe)
      })
    try await application.runService()
  }
}
