import Hummingbird
import NIOCore

/// The request context of the Q&A server: the core context plus the peer's address,
/// which per-address rate limits need.
struct QuestionsContext: RequestContext, RemoteAddressRequestContext {
  var coreContext: CoreRequestContextStorage
  let remoteAddress: SocketAddress?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
  }

  /// The peer's IP address, for rate limits.
  var peer: String { remoteAddress?.ipAddress ?? "unknown" }
}
