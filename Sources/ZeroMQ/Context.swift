import CZeroMQ

/// A libzmq context: owns the I/O threads of every socket made from it.
///
/// Close every socket (with linger 0) before the context is released, or
/// `zmq_ctx_term` waits for them.
public final class Context: @unchecked Sendable {
  // Unchecked: a libzmq context is thread-safe by design (zmq_ctx_new(3)); only sockets are not.
  let handle: UnsafeMutableRawPointer

  /// A new context with `ioThreads` I/O threads (libzmq's default is one).
  public init(ioThreads: Int32 = 1) throws {
    guard let handle = zmq_ctx_new() else { throw ZeroMQError.last("zmq_ctx_new") }
    self.handle = handle
    if ioThreads != 1, zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads) != 0 {
      throw ZeroMQError.last("zmq_ctx_set(ZMQ_IO_THREADS)")
    }
  }

  deinit {
    while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
  }

  /// The libzmq version linked, e.g. `4.3.4`.
  public static var version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var patch: Int32 = 0
    zmq_version(&major, &minor, &patch)
    return "\(major).\(minor).\(patch)"
  }

  /// Whether libzmq was built with a capability, e.g. `curve`.
  public static func has(_ capability: String) -> Bool { zmq_has(capability) != 0 }
}
