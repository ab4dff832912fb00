import Foundation
import Hummingbird
import HummingbirdCore
import PodiumConfig
import PodiumPluginKit

/// What every web plugin is made of, assembled once: its settings and listening address
/// (pages open to all only on loopback), its logins, the client to the daemon, its pages, the
/// standard middleware (forwarded headers from trusted proxies, the rate limit per address,
/// security headers, same origin for changes) and routes (`/`, the static files, the favicon,
/// `/login`), and serving. A plugin adds its own routes and the commands it forwards.
public struct WebShell: Sendable {
  /// The executable's name, as its ready line says it: `podium-display`.
  public let name: String
  /// The settings, with the command line applied.
  public let settings: PodiumSettings
  /// Where it listens.
  public let address: ListenAddress
  /// Who may open the pages that act.
  public let access: WebAccess
  /// The plugin's client to the daemon, started.
  public let client: PodiumClient
  /// Its pages.
  public let pages: PageFiles
  /// Where people reach it; the first is the one links use.
  public let publicOrigins: [PublicOrigin]
  private let sharedDirectory: URL?
  private let requestLimit: RequestRateLimit

  /// Reads the settings and flags of `options` for `plugin`, checks where it may listen,
  /// reads `pages` (`index.html` first: the plugin's `/`), and starts the client following
  /// `prefixes`. `shared` are login holders besides the tokens files (the Q&A's moderators'
  /// token); `tablets`, the booth tablets file the plugin pairs, if it does.
  public init(
    _ options: PluginOptions, name: String, plugin: WebPlugin, prefixes: [String], installedPages: URL,
    pages: [String], shared: [WebTokens.Holder] = [], tablets: ((PodiumSettings) -> String?)? = nil
  ) throws {
    let settings = try options.resolved(listen: plugin.listenKey)
    let address = try ListenAddress(settings[keyPath: plugin.listenKey])
    let access = WebAccess(keysDirectory: settings.keysDirectory, tablets: tablets?(settings), shared: shared)
    try access.check(listening: address)
    self.name = name
    self.settings = settings
    self.address = address
    self.access = access
    self.pages = try PageFiles(directory: options.pages(installed: installedPages), names: pages)
    self.publicOrigins = try options.publicOrigins(of: plugin, in: settings)
    self.sharedDirectory = options.sharedDirectory
    self.requestLimit = options.requestLimit
    self.client = try options.client(settings, prefixes: prefixes)
  }

  /// A router with the standard middleware and routes; the plugin adds its own.
  public func router() -> Router<PluginRequestContext> {
    let router = Router(context: PluginRequestContext.self)
    router.add(middleware: ForwardedHeaders(proxies: settings.trustedProxies))
    router.add(middleware: requestLimit)
    router.add(middleware: PageSecurity.Middleware())
    router.add(middleware: SameOrigin(publicOrigins: publicOrigins))
    SharedStatic.add(to: router, publicDirectory: pages.directory, sharedDirectory: sharedDirectory)
    let index = pages["index.html"]
    router.get("/") { _, _ in Responses.html(index) }
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    access.addLogin(to: router)
    return router
  }

  /// Serves `router` with `server` (HTTP/1, or with WebSocket upgrades) until the process is
  /// stopped, running `alongside` (the plugin's feeds) meanwhile; prints `NAME ready http://…`
  /// (and what `ready` adds) once listening. Stops the client at the end.
  public func serve(
    _ router: Router<PluginRequestContext>, server: HTTPServerBuilder = .http1(),
    alongside: [@Sendable () async -> Void] = [],
    ready: @escaping @Sendable (String) -> String? = { _ in nil }
  ) async throws {
    let tasks = alongside.map { work in Task { await work() } }
    defer {
      tasks.forEach { $0.cancel() }
      client.stop()
    }
    try await PluginOptions.serve(router, at: address, name: name, server: server, ready: ready)
  }
}
