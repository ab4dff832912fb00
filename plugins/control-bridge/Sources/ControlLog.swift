import Foundation

/// The bridge's log lines on standard error, with the syslog priority prefixes the journal
/// reads as levels (`<6>` information, `<4>` a warning): what OSC was refused and why, what
/// each automation did.
enum ControlLog {
  static func info(_ message: String) { write(6, message) }
  static func warning(_ message: String) { write(4, message) }

  private static func write(_ priority: Int, _ message: String) {
    FileHandle.standardError.write(Data("<\(priority)>podium-control: \(message)\n".utf8))
  }
}
