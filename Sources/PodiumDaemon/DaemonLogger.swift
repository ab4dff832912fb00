import Foundation

/// Log lines on standard error with syslog priority prefixes (`<6>`), which the
/// journal reads as levels when the daemon runs under systemd.
public struct DaemonLogger: Sendable {
  /// Whether debug lines are written.
  public var verbose: Bool

  public init(verbose: Bool = false) {
    self.verbose = verbose
  }

  public func error(_ message: @autoclosure () -> String) { write(3, message()) }
  public func warning(_ message: @autoclosure () -> String) { write(4, message()) }
  public func info(_ message: @autoclosure () -> String) { write(6, message()) }
  public func debug(_ message: @autoclosure () -> String) { if verbose { write(7, message()) } }

  private func write(_ priority: Int, _ message: String) {
    FileHandle.standardError.write(Data("<\(priority)>\(message)\n".utf8))
  }
}
