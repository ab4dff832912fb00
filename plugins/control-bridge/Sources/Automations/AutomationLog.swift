import Foundation
import PodiumCore

/// The automations' log file: what fired and what came of it, appended line by line and
/// flushed to disk before an occurrence's actions run (each fires at most once, also across a
/// `kill -9`).
/// Not `Sendable`: the `AutomationRunner` actor owns it.
final class AutomationLog {
  private let handle: FileHandle
  /// The file's path.
  let path: String
  /// The occurrences it holds.
  private(set) var occurrences: Set<String> = []
  /// Whether the file is new: what the state holds at first is a baseline, not news.
  let isNew: Bool

  init(path: String) throws {
    self.path = path
    let manager = FileManager.default
    try manager.createDirectory(
      at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    isNew = !manager.fileExists(atPath: path)
    if isNew { _ = manager.createFile(atPath: path, contents: nil) }
    let decoder = PodiumJSON.decoder()
    let text = String(decoding: manager.contents(atPath: path) ?? Data(), as: UTF8.self)
    for line in text.split(separator: "\n") {
      // A line cut short by a crash is skipped: its occurrence was not yet acted on.
      guard let record = try? decoder.decode(AutomationRecord.self, from: Data(line.utf8)) else { continue }
      occurrences.insert(record.occurrence)
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    self.handle = handle
    try handle.seekToEnd()
  }

  /// Appends `records`; `durably` waits until they are on disk.
  func append(_ records: [AutomationRecord], durably: Bool = false) {
    let encoder = PodiumJSON.encoder()
    var bytes = Data()
    for record in records {
      guard let line = try? encoder.encode(record) else { continue }
      bytes.append(line)
      bytes.append(0x0A)
      occurrences.insert(record.occurrence)
    }
    do {
      try handle.write(contentsOf: bytes)
      if durably { try handle.synchronize() }
    } catch {
      ControlLog.warning("cannot write the automations' log \(path): \(error)")
    }
  }
}
