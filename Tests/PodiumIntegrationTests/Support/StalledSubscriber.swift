import Foundation
import ZeroMQ

/// A SUB socket with the smallest queue that never reads until asked how much it got.
final class StalledSubscriber {
  private let context: Context
  private let socket: Socket

  init(endpoint: String) throws {
    context = try Context()
    socket = try Socket(context, .subscriber)
    try socket.setReceiveHighWaterMark(1)
    try socket.subscribe("")
    try socket.connect(endpoint)
  }

  /// Drains what is queued now and counts it.
  var received: Int {
    var count = 0
    while (try? socket.receive()) != nil { count += 1 }
    return count
  }

  func close() { socket.close() }
}
