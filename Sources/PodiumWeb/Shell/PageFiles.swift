import Foundation

/// A plugin's HTML pages, read once at start from its pages directory (`--public-directory`,
/// else the installed resources), by file name.
public struct PageFiles: Sendable {
  /// Where they were read from; its `static` folder is served under `/static`.
  public let directory: URL
  private let pages: [String: String]

  /// Reads `names` (`index.html`, `door.html`…) from `directory`.
  public init(directory: URL, names: [String]) throws {
    self.directory = directory
    var pages: [String: String] = [:]
    for name in names {
      pages[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    self.pages = pages
  }

  /// The page `name`, which must be one of those read.
  public subscript(_ name: String) -> String {
    guard let page = pages[name] else { preconditionFailure("\(name) is not one of the pages read at start") }
    return page
  }
}
