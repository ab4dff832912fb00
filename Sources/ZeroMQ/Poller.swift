import CZeroMQ

/// Waits until some sockets or file descriptors are readable (`zmq_poll`).
public struct Poller {
  /// Something to watch: a socket or a plain file descriptor (an eventfd, a pipe).
  public enum Source {
    case socket(Socket)
    case fileDescriptor(Int32)
  }

  private let sources: [Source]

  /// A poller over `sources`, watched for input.
  public init(_ sources: [Source]) {
    self.sources = sources
  }

  /// Waits up to `timeoutMilliseconds` (-1: forever) and returns which sources are readable,
  /// by index. An interrupted wait returns no source.
  public func readable(timeoutMilliseconds: Int) throws -> [Int] {
    var items = sources.map { source -> zmq_pollitem_t in
      switch source {
      case .socket(let socket):
        zmq_pollitem_t(socket: socket.handle, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
      case .fileDescriptor(let fd):
        zmq_pollitem_t(socket: nil, fd: fd, events: Int16(ZMQ_POLLIN), revents: 0)
      }
    }
    let count = zmq_poll(&items, Int32(items.count), timeoutMilliseconds)
    if count < 0 {
      let error = ZeroMQError.last("zmq_poll")
      if error.interrupted { return [] }
      throw error
    }
    return items.indices.filter { items[$0].revents & Int16(ZMQ_POLLIN) != 0 }
  }
}
