import CZeroMQ

extension Socket {
  /// Milliseconds pending messages are kept after close (Podium uses 0).
  public func setLinger(milliseconds: Int32) throws { try setOption(ZMQ_LINGER, milliseconds) }
  /// Messages queued per peer before sending drops (PUB) or blocks.
  public func setSendHighWaterMark(_ messages: Int32) throws { try setOption(ZMQ_SNDHWM, messages) }
  /// Messages queued per peer on receipt.
  public func setReceiveHighWaterMark(_ messages: Int32) throws { try setOption(ZMQ_RCVHWM, messages) }
  /// Largest inbound message in bytes; a peer sending a larger one is disconnected.
  public func setMaximumMessageSize(_ bytes: Int64) throws { try setOption(ZMQ_MAXMSGSIZE, bytes) }
  /// Subscribes a SUB socket to a topic prefix ("" for everything).
  public func subscribe(_ prefix: String) throws { try setOption(ZMQ_SUBSCRIBE, Array(prefix.utf8)) }
  /// Removes a subscription.
  public func unsubscribe(_ prefix: String) throws { try setOption(ZMQ_UNSUBSCRIBE, Array(prefix.utf8)) }
  /// Makes a ROUTER report unroutable replies as errors instead of dropping them silently.
  public func setRouterMandatory(_ on: Bool) throws { try setOption(ZMQ_ROUTER_MANDATORY, Int32(on ? 1 : 0)) }
  /// Queues messages only to completed connections.
  public func setImmediate(_ on: Bool) throws { try setOption(ZMQ_IMMEDIATE, Int32(on ? 1 : 0)) }
  /// Milliseconds before the first reconnection attempt, and the ceiling of its backoff.
  public func setReconnectInterval(milliseconds: Int32, maximum: Int32) throws {
    try setOption(ZMQ_RECONNECT_IVL, milliseconds)
    try setOption(ZMQ_RECONNECT_IVL_MAX, maximum)
  }
  /// Milliseconds a TCP connection attempt may take before a fresh one starts (0: the
  /// system's, which backs off to minutes after a long outage).
  public func setConnectTimeout(milliseconds: Int32) throws { try setOption(ZMQ_CONNECT_TIMEOUT, milliseconds) }
  /// ZMTP heartbeats that find dead TCP peers (interval, timeout in milliseconds).
  public func setHeartbeat(intervalMilliseconds: Int32, timeoutMilliseconds: Int32) throws {
    try setOption(ZMQ_HEARTBEAT_IVL, intervalMilliseconds)
    try setOption(ZMQ_HEARTBEAT_TIMEOUT, timeoutMilliseconds)
  }
  /// The identity a ROUTER sees for this socket.
  public func setRoutingId(_ id: [UInt8]) throws { try setOption(ZMQ_ROUTING_ID, id) }

  /// The endpoint last bound, with a wildcard port resolved (`tcp://127.0.0.1:41234`).
  public var lastEndpoint: String {
    var buffer = [CChar](repeating: 0, count: 1024)
    var size = buffer.count
    guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return "" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func setOption(_ option: Int32, _ value: Int32) throws {
    var value = value
    guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
      throw ZeroMQError.last("setsockopt \(option)")
    }
  }

  func setOption(_ option: Int32, _ value: Int64) throws {
    var value = value
    guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size) == 0 else {
      throw ZeroMQError.last("setsockopt \(option)")
    }
  }

  func setOption(_ option: Int32, _ value: [UInt8]) throws {
    let result = value.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
    guard result == 0 else { throw ZeroMQError.last("setsockopt \(option)") }
  }

  func integerOption(_ option: Int32) throws -> Int32 {
    var value: Int32 = 0
    var size = MemoryLayout<Int32>.size
    guard zmq_getsockopt(handle, option, &value, &size) == 0 else {
      throw ZeroMQError.last("getsockopt \(option)")
    }
    return value
  }
}
