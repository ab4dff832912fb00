import CZeroMQ

/// An error reported by libzmq, with its errno and libzmq's own words.
public struct ZeroMQError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The errno value libzmq set.
  public let code: Int32
  /// What the failing call was doing, e.g. `bind tcp://127.0.0.1:5570`.
  public let operation: String

  /// The error libzmq reports for the calling thread's last failure.
  public static func last(_ operation: String) -> ZeroMQError {
    ZeroMQError(code: zmq_errno(), operation: operation)
  }

  public init(code: Int32, operation: String) {
    self.code = code
    self.operation = operation
  }

  public var description: String {
    "\(operation): \(String(cString: zmq_strerror(code)))"
  }

  /// The operation would block (a non-blocking call found nothing to do).
  public var wouldBlock: Bool { code == EAGAIN }
  /// A signal interrupted the call: retry it.
  public var interrupted: Bool { code == EINTR }
  /// The context was terminated: the socket's thread should close and exit.
  public var contextTerminated: Bool { code == ETERM }
}
