import CZeroMQ

/// libzmq's built-in proxy (`zmq_proxy_steerable`): forwards messages both ways between two
/// sockets, e.g. XSUB (upstream publisher) and XPUB (downstream subscribers), subscriptions
/// included. Runs on the calling thread until the control socket receives `TERMINATE`.
public enum Proxy {
  /// Forwards between `frontend` and `backend` until `control`'s peer sends `TERMINATE`.
  public static func run(frontend: Socket, backend: Socket, control: Socket) throws {
    while zmq_proxy_steerable(frontend.handle, backend.handle, nil, control.handle) != 0 {
      guard zmq_errno() == EINTR else { throw ZeroMQError.last("zmq_proxy_steerable") }
    }
  }
}
