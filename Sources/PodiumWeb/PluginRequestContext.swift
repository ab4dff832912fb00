import Hummingbird
import NIOCore

/// The request context of every plugin's web server: Hummingbird's core context plus the
/// peer's address, which rate limits per address need.
public struct PluginRequestContext: RequestContext, RemoteAddressRequestContext {
  public var coreContext: CoreRequestContextStorage
  public let remoteAddress: SocketAddress?

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
  }

  /// The peer's IP address (`unknown` when the channel has none).
  public var peer: String { remoteAddress?.ipAddress ?? "unknown" }
}
