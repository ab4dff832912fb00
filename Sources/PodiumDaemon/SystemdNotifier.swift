import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Talks to systemd's service manager (`Type=notify`): `READY=1` once the sockets are
/// bound, `STATUS=` lines, and `WATCHDOG=1` pings from the main loop, so a loop that
/// hangs is restarted. Does nothing when not started by systemd (`$NOTIFY_SOCKET` unset).
final class SystemdNotifier {
  private let socketPath: String?
  /// How often to ping: half of `$WATCHDOG_USEC`, or nil without a watchdog.
  let watchdogInterval: TimeInterval?
  private var nextPing = Date.distantPast
  private var lastStatus = ""

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    let pidMatches = environment["WATCHDOG_PID"].map { Int32($0) == getpid() } ?? true
    watchdogInterval =
      environment["WATCHDOG_USEC"].flatMap(Double.init).flatMap { pidMatches && $0 > 0 ? $0 / 2_000_000 : nil }
  }

  /// Whether systemd listens.
  var isActive: Bool { socketPath != nil }

  /// `READY=1` with a first status.
  func ready(status: String) {
    lastStatus = status
    send("READY=1\nSTATUS=\(status)\nMAINPID=\(getpid())")
  }

  /// Called every turn of the main loop: pings the watchdog when due, updates the status when it changed.
  func tick(status: @autoclosure () -> String, now: Date = Date()) {
    guard isActive else { return }
    var lines: [String] = []
    if let watchdogInterval, now >= nextPing {
      lines.append("WATCHDOG=1")
      nextPing = now.addingTimeInterval(watchdogInterval)
    }
    let current = status()
    if current != lastStatus {
      lines.append("STATUS=\(current)")
      lastStatus = current
    }
    if !lines.isEmpty { send(lines.joined(separator: "\n")) }
  }

  /// `STOPPING=1`.
  func stopping() { send("STOPPING=1") }

  private func send(_ message: String) {
    guard let socketPath else { return }
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    var path = Array(socketPath.utf8)
    if path.first == UInt8(ascii: "@") { path[0] = 0 }  // abstract namespace
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard path.count < capacity else { return }
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in path.enumerated() { buffer[index] = byte }
    }
    let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
    let bytes = Array(message.utf8)
    _ = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
      }
    }
  }
}
