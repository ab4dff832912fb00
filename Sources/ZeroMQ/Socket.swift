import CZeroMQ
import Foundation

/// One ZeroMQ socket. Not thread-safe: use it from one thread only.
///
/// Messages are multipart: an array of frames, each a `[UInt8]`.
public final class Socket {
  let handle: UnsafeMutableRawPointer
  private var isClosed = false
  /// Keeps the context alive as long as the socket.
  private let context: Context

  /// A new socket of `type` in `context`, with linger 0 so closing never blocks.
  public init(_ context: Context, _ type: SocketType) throws {
    guard let handle = zmq_socket(context.handle, type.raw) else {
      throw ZeroMQError.last("zmq_socket")
    }
    self.handle = handle
    self.context = context
    try setOption(ZMQ_LINGER, Int32(0))
  }

  deinit { close() }

  /// Closes the socket; pending outgoing messages are dropped.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    zmq_close(handle)
  }

  /// Binds to `endpoint`, e.g. `tcp://127.0.0.1:5570` or `tcp://127.0.0.1:*`.
  public func bind(_ endpoint: String) throws {
    guard zmq_bind(handle, endpoint) == 0 else { throw ZeroMQError.last("bind \(endpoint)") }
  }

  /// Connects to `endpoint`; libzmq reconnects by itself when the peer goes away.
  public func connect(_ endpoint: String) throws {
    guard zmq_connect(handle, endpoint) == 0 else { throw ZeroMQError.last("connect \(endpoint)") }
  }

  /// Sends a multipart message. Returns `false` if it would block and `wait` is false.
  @discardableResult
  public func send(_ frames: [[UInt8]], wait: Bool = false) throws -> Bool {
    precondition(!frames.isEmpty, "a message has at least one frame")
    for (index, frame) in frames.enumerated() {
      var flags: Int32 = wait ? 0 : ZMQ_DONTWAIT
      if index < frames.count - 1 { flags |= ZMQ_SNDMORE }
      while true {
        let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
        if sent >= 0 { break }
        let error = ZeroMQError.last("send")
        if error.interrupted { continue }
        if error.wouldBlock && index == 0 { return false }
        throw error
      }
    }
    return true
  }

  /// Sends a multipart message of UTF-8 strings.
  @discardableResult
  public func send(_ frames: [String], wait: Bool = false) throws -> Bool {
    try send(frames.map { Array($0.utf8) }, wait: wait)
  }

  /// Receives one whole multipart message, or `nil` if none is waiting and `wait` is false.
  public func receive(wait: Bool = false) throws -> [[UInt8]]? {
    try receiveWithUserId(wait: wait)?.frames
  }

  /// Receives one whole multipart message with the `User-Id` the ZAP handler gave its
  /// sender (nil without authentication), or `nil` if none is waiting and `wait` is false.
  public func receiveWithUserId(wait: Bool = false) throws -> (frames: [[UInt8]], userId: String?)? {
    var frames: [[UInt8]] = []
    var userId: String?
    repeat {
      var message = zmq_msg_t()
      zmq_msg_init(&message)
      defer { zmq_msg_close(&message) }
      let flags: Int32 = (wait || !frames.isEmpty) ? 0 : ZMQ_DONTWAIT
      while zmq_msg_recv(&message, handle, flags) < 0 {
        let error = ZeroMQError.last("receive")
        if error.interrupted { continue }
        if error.wouldBlock && frames.isEmpty { return nil }
        throw error
      }
      let size = zmq_msg_size(&message)
      let bytes = zmq_msg_data(&message).map { UnsafeRawBufferPointer(start: $0, count: size) }
      frames.append(bytes.map(Array.init) ?? [])
      if userId == nil, let property = zmq_msg_gets(&message, "User-Id") { userId = String(cString: property) }
    } while hasMoreFrames
    return (frames, userId)
  }

  private var hasMoreFrames: Bool {
    (try? integerOption(ZMQ_RCVMORE)) == 1
  }
}
