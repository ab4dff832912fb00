import Foundation

/// How audience questions are checked: limits and the blocklist per language.
public struct ModerationRules: Codable, Equatable, Sendable {
  /// The longest question, in characters.
  public var maximumLength: Int
  /// The longest asker's name, in characters.
  public var maximumNameLength: Int
  /// Words or phrases that hold a question back for review, by language code
  /// (`*` applies to every language). Matched case-insensitively.
  public var blocklist: [String: [String]]

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case maximumLength = "maximumLength", maximumNameLength = "maximumNameLength", blocklist = "blocklist"
  }

  public init(maximumLength: Int = 500, maximumNameLength: Int = 60, blocklist: [String: [String]] = [:]) {
    self.maximumLength = maximumLength
    self.maximumNameLength = maximumNameLength
    self.blocklist = blocklist
  }

  /// The defaults: 500 characters, names of 60, no blocklist.
  public static let standard = ModerationRules()

  /// Why `text` in `language` is held back, or nil: the first blocked term it contains.
  public func holdReason(_ text: String, language: String?) -> String? {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    let lists =
      [language, "*"].compactMap { $0 }.map { ($0, blocklist[$0] ?? []) }
      + blocklist.filter { $0.key != "*" && $0.key != language }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    for (list, terms) in lists {
      for term in terms {
        let needle = term.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if !needle.isEmpty, folded.contains(needle) { return "contains «\(term)» (blocklist \(list))" }
      }
    }
    return nil
  }
}
