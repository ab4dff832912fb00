import CZeroMQ

/// Watches a socket's connections (`zmq_socket_monitor`): how many peers are connected now.
/// Poll `socket` with the owner's other sockets and call `drain()` when it is readable.
public final class SocketMonitor {
  /// The PAIR socket the events arrive on.
  public let socket: Socket
  /// Peers connected now (accepted minus disconnected).
  public private(set) var connected = 0

  /// Monitors `watched`, which must belong to `context`; call on the watched socket's thread.
  public init(_ watched: Socket, in context: Context, name: String) throws {
    let endpoint = "inproc://monitor-\(name)"
    guard zmq_socket_monitor(watched.handle, endpoint, ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_DISCONNECTED) == 0 else {
      throw ZeroMQError.last("zmq_socket_monitor")
    }
    socket = try Socket(context, .pair)
    try socket.connect(endpoint)
  }

  /// Reads every waiting event and updates `connected`.
  public func drain() {
    while let frames = try? socket.receive(), let first = frames.first, first.count >= 2 {
      let event = Int32(first[0]) | Int32(first[1]) << 8
      if event == ZMQ_EVENT_ACCEPTED { connected += 1 }
      if event == ZMQ_EVENT_DISCONNECTED { connected = max(0, connected - 1) }
    }
  }
}
