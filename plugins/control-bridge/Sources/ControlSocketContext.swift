import Hummingbird
import HummingbirdWebSocket

/// The request context of the bridge's WebSocket upgrades.
struct ControlSocketContext: RequestContext, WebSocketRequestContext {
  var coreContext: CoreRequestContextStorage
  let webSocket = WebSocketHandlerReference<Self>()

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }
}
