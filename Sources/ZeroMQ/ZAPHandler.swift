import CZeroMQ
import Foundation
import Synchronization

/// A ZAP handler (ZeroMQ RFC 27) on its own thread: libzmq asks it about every CURVE client
/// of the context's server sockets; `decide` maps the client's public key (Z85) to a
/// User-Id, which the client's messages then carry, or to nil (refused).
///
/// Start it before any server socket binds: without a handler libzmq 4.3 lets every key in.
public final class ZAPHandler: Sendable {
  private let context: Context
  private let decide: @Sendable (_ publicKey: String, _ domain: String) -> String?
  private let ready = DispatchSemaphore(value: 0)
  private let stopping = Atomic(false)
  /// Why the handler could not bind, set by its thread before it signals `ready`.
  private let failure = Mutex<(any Error)?>(nil)

  public init(context: Context, decide: @escaping @Sendable (_ publicKey: String, _ domain: String) -> String?) {
    self.context = context
    self.decide = decide
  }

  /// Binds `inproc://zeromq.zap.01` on a new thread and returns once it is bound.
  public func start() throws {
    let thread = Thread { [self] in serve() }
    thread.name = "zap"
    thread.start()
    ready.wait()
    if let failure = failure.withLock({ $0 }) { throw failure }
  }

  /// Stops answering (the thread ends within 200 ms).
  public func stop() {
    stopping.store(true, ordering: .relaxed)
  }

  private func serve() {
    let socket: Socket
    do {
      socket = try Socket(context, .reply)
      try socket.bind("inproc://zeromq.zap.01")
    } catch {
      failure.withLock { $0 = error }
      ready.signal()
      return
    }
    ready.signal()
    let poller = Poller([.socket(socket)])
    while !stopping.load(ordering: .relaxed) {
      guard (try? poller.readable(timeoutMilliseconds: 200))?.isEmpty == false,
        let request = try? socket.receive()
      else { continue }
      _ = try? socket.send(answer(request))
    }
    socket.close()
  }

  /// The reply to one ZAP request: version, request id, status, text, user id, metadata.
  private func answer(_ request: [[UInt8]]) -> [[UInt8]] {
    let requestId = request.count > 1 ? request[1] : []
    func reply(_ code: String, _ text: String, user: String = "") -> [[UInt8]] {
      [Array("1.0".utf8), requestId, Array(code.utf8), Array(text.utf8), Array(user.utf8), []]
    }
    guard request.count >= 7, request[0] == Array("1.0".utf8) else { return reply("500", "malformed ZAP request") }
    let domain = String(decoding: request[2], as: UTF8.self)
    guard String(decoding: request[5], as: UTF8.self) == "CURVE", let key = CurveKeyPair.z85(request[6]) else {
      return reply("400", "CURVE is required")
    }
    guard let user = decide(key, domain) else { return reply("400", "unknown key") }
    return reply("200", "OK", user: user)
  }
}
