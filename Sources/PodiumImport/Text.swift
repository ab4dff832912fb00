import Foundation

/// Text clean-up and identifiers shared by the readers.
enum Text {
  /// Whether a text has nothing but whitespace (a title that is missing in effect).
  static func isBlank(_ text: String) -> Bool {
    text.allSatisfy { $0.isWhitespace || $0.isNewline }
  }

  /// Runs of whitespace and newlines (`\r\n` included) become one space; ends trimmed.
  static func collapseWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
  }

  /// The longest identifier a conference file accepts.
  static let identifierLimit = 64

  /// `slug` fitted to `limit` characters: a longer one keeps its start and ends with `-` and
  /// 8 hexadecimal digits of a stable hash of the whole slug, so that two long slugs with the
  /// same start stay apart and the same slug always gives the same identifier.
  static func identifier(_ slug: String, limit: Int = identifierLimit) -> String {
    guard slug.count > limit else { return slug }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
    for byte in slug.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    let suffix = String(String(hash, radix: 16).suffix(8)).leftPadded(to: 8)
    var head = slug.prefix(limit - suffix.count - 1)
    while head.last == "-" || head.last == "_" { head = head.dropLast() }
    return "\(head)-\(suffix)"
  }

  /// An identifier of `[a-z0-9-_]`: ASCII-folded, lowercased, other characters as single dashes.
  static func slug(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    var result = ""
    var pendingDash = false
    for scalar in folded.unicodeScalars {
      let character: String?
      switch scalar {
      case "a"..."z", "0"..."9", "_": character = String(scalar)
      case "A"..."Z": character = String(scalar).lowercased()
      case "ß": character = "ss"
      case "æ", "Æ": character = "ae"
      case "ø", "Ø": character = "o"
      case "œ", "Œ": character = "oe"
      case "ł", "Ł": character = "l"
      case "đ", "Đ": character = "d"
      default: character = nil
      }
      if let character {
        if pendingDash && !result.isEmpty { result += "-" }
        pendingDash = false
        result += character
      } else {
        pendingDash = true
      }
    }
    return result
  }

  /// A duration as `H:MM`, `HH:MM`, `HH:MM:SS` or `D:HH:MM:SS`, or whole minutes; `nil` otherwise.
  static func duration(_ text: String) -> TimeInterval? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
    guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else {
      return nil
    }
    let numbers = parts.compactMap { Int($0) }
    guard numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
    switch numbers.count {
    case 1: return TimeInterval(numbers[0] * 60)
    case 2: return TimeInterval(numbers[0] * 3600 + numbers[1] * 60)
    case 3: return TimeInterval(numbers[0] * 3600 + numbers[1] * 60 + numbers[2])
    default: return TimeInterval(numbers[0] * 86400 + numbers[1] * 3600 + numbers[2] * 60 + numbers[3])
    }
  }

  /// A language code as the file gives it (`en`, `DE`, `pt-BR`, `en_US`), normalised; `nil` if not a code.
  static func languageCode(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "-")
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard let primary = parts.first, (2...3).contains(primary.count),
      primary.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
    else { return nil }
    guard
      parts.dropFirst().allSatisfy({
        (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter || $0.isNumber }
      })
    else { return nil }
    var result = primary.lowercased()
    for part in parts.dropFirst() { result += "-" + (part.count == 2 ? part.uppercased() : String(part)) }
    return result
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    String(repeating: "0", count: Swift.max(0, length - count)) + self
  }
}
