import Foundation
import PodiumCore
import PodiumProtocol
import Synchronization
import ZeroMQ

/// What `PodiumClient`'s callers and its socket thread share: requests waiting to be sent,
/// the latest view and its readers, the clock offset. The thread itself is a `ClientLoop`.
final class ClientConnection: Sendable {
  /// A caller's request, waiting for the socket thread to send it.
  struct Outgoing: Sendable {
    var id: String
    var body: [UInt8]
    var continuation: CheckedContinuation<[UInt8], any Error>
  }

  private struct Shared {
    var outgoing: [Outgoing] = []
    var started = false
    var stopRequested = false
    var readers: [UUID: AsyncStream<PodiumView>.Continuation] = [:]
    var view = PodiumView.empty
    var offset: TimeInterval = 0
  }

  let options: ClientOptions
  /// Wakes the socket thread's poll when a caller has something for it.
  let wake = WakeSignal()
  private let shared = Mutex(Shared())

  init(options: ClientOptions) {
    self.options = options
  }

  var latestView: PodiumView { shared.withLock { $0.view } }

  var clockOffset: TimeInterval { shared.withLock { $0.offset } }

  func start() {
    let first = shared.withLock { shared in
      defer { shared.started = true }
      return !shared.started
    }
    guard first else { return }
    let thread = Thread { [self] in ClientLoop(connection: self).run() }
    thread.name = "podium-client"
    thread.start()
  }

  func stop() {
    shared.withLock { $0.stopRequested = true }
    wake.signal()
  }

  func views() -> AsyncStream<PodiumView> {
    let (stream, continuation) = AsyncStream.makeStream(of: PodiumView.self, bufferingPolicy: .bufferingNewest(1))
    let key = UUID()
    shared.withLock { shared in
      shared.readers[key] = continuation
      continuation.yield(shared.view)
    }
    continuation.onTermination = { [weak self] _ in
      self?.shared.withLock { _ = $0.readers.removeValue(forKey: key) }
    }
    return stream
  }

  func enqueue(_ request: Outgoing) {
    let accepted = shared.withLock { shared in
      guard !shared.stopRequested else { return false }
      shared.outgoing.append(request)
      return true
    }
    guard accepted else { return request.continuation.resume(throwing: PodiumClientError.stopped) }
    wake.signal()
  }

  // MARK: - For the socket thread

  /// The callers' requests since the last call, or nil once stopping.
  func takeOutgoing() -> [Outgoing]? {
    shared.withLock { shared in
      guard !shared.stopRequested else { return nil }
      defer { shared.outgoing.removeAll() }
      return shared.outgoing
    }
  }

  /// Hands a new view to every reader.
  func publish(_ view: PodiumView) {
    let readers = shared.withLock { shared in
      shared.view = view
      return Array(shared.readers.values)
    }
    for reader in readers { reader.yield(view) }
  }

  func setOffset(_ offset: TimeInterval) {
    shared.withLock { $0.offset = offset }
  }

  /// Stopping: the requests never sent, and the readers' streams, now ended.
  func finish() -> [Outgoing] {
    let (waiting, readers) = shared.withLock { shared in
      defer {
        shared.outgoing.removeAll()
        shared.readers.removeAll()
      }
      return (shared.outgoing, Array(shared.readers.values))
    }
    readers.forEach { $0.finish() }
    return waiting
  }
}
