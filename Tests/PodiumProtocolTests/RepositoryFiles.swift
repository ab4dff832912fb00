import Foundation

/// The repository this test was built from, for tests that read its sources and documents.
enum RepositoryFiles {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every Swift file under the folders, by path relative to the root.
  static func swiftFiles(in folders: [String]) -> [String: String] {
    var files: [String: String] = [:]
    for folder in folders {
      let base = root.appendingPathComponent(folder)
      let walker = FileManager.default.enumerator(atPath: base.path)
      while let path = walker?.nextObject() as? String {
        guard path.hasSuffix(".swift"), !path.contains(".build") else { continue }
        files["\(folder)/\(path)"] = try? String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
      }
    }
    return files
  }

  static func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }
}
