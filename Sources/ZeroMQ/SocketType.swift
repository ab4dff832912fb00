import CZeroMQ

/// The ZeroMQ socket patterns Podium uses.
public enum SocketType: Sendable {
  case publisher, subscriber, router, dealer, request, reply, xpublisher, xsubscriber, pair

  var raw: Int32 {
    switch self {
    case .publisher: ZMQ_PUB
    case .subscriber: ZMQ_SUB
    case .router: ZMQ_ROUTER
    case .dealer: ZMQ_DEALER
    case .request: ZMQ_REQ
    case .reply: ZMQ_REP
    case .xpublisher: ZMQ_XPUB
    case .xsubscriber: ZMQ_XSUB
    case .pair: ZMQ_PAIR
    }
  }
}
