import ArgumentParser
import Foundation
import PodiumConfig
import PodiumStore

/// `podium restore FILE`: puts a backup in place of the event log of a stopped daemon.
struct Restore: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Replace the event log with a backup (podiumd must be stopped).",
    discussion: """
      The backup is checked first (it must open and replay). The current log is kept beside it as \
      podium.sqlite.before-restore-<time>. Start podiumd afterwards: it continues from the backup's last seq.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's data directory (default from settings).") var dataDir: String?
  @Argument(help: "A file written by `podium backup`.") var file: String

  func run() throws {
    var resolved = try PodiumSettings.load(file: settings)
    if let dataDir { resolved.dataDirectory = dataDir }
    let directory = resolved.dataDirectory
    do {
      let backup = try EventLog(path: file, readOnly: true)
      let last = try backup.lastSequence()
      _ = try backup.replay()
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let lock = try DataDirectoryLock(directory: directory)
      let target = "\(directory)/podium.sqlite"
      let manager = FileManager.default
      // The old log moves aside with its WAL, so it stays whole (commits may still be in the WAL).
      let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
      for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: target + suffix) {
        try manager.moveItem(atPath: target + suffix, toPath: "\(target).before-restore-\(stamp)\(suffix)")
      }
      try manager.copyItem(atPath: file, toPath: target)
      withExtendedLifetime(lock) {}
      print("restored \(file) (up to seq \(last)) into \(target); start podiumd")
    } catch {
      printError("\(error)")
      throw ExitCode(1)
    }
  }
}
