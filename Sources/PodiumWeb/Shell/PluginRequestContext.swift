import Hummingbird
import NIOCore

/// The request context of every plugin's web server: Hummingbird's core context plus the
/// client's address, which rate limits per address need, and whether it came over TLS.
public struct PluginRequestContext: RequestContext, RemoteAddressRequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The socket's peer: the client, or the reverse proxy in front.
  public let remoteAddress: SocketAddress?
  /// The client a trusted proxy names (`ForwardedHeaders`), when one forwarded the request.
  public var forwardedClient: String?
  /// Whether the client reached a trusted proxy over TLS (`X-Forwarded-Proto: https`).
  public var isSecure = false

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
  }

  /// The client's IP address: the one a trusted proxy names, else the socket's peer
  /// (`unknown` when the channel has none).
  public var peer: String { forwardedClient ?? remoteAddress?.ipAddress ?? "unknown" }
}
