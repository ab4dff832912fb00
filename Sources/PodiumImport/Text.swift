import Foundation

/// Text clean-up and identifiers shared by the readers.
enum Text {
  /// Tags stripped (when the text has any), entities decoded with them, whitespace collapsed.
  static func cleanTitle(_ text: String) -> String {
    var result = text
    if result.range(of: "<[A-Za-z/!][^>]*>", options: .regularExpression) != nil {
      result = result.replacingOccurrences(of: "<[A-Za-z/!][^>]*>", with: " ", options: .regularExpression)
      result = decodeEntities(result)
    }
    return collapseWhitespace(result)
  }

  /// Runs of whitespace and newlines (`\r\n` included) become one space; ends trimmed.
  static func collapseWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
    var result = ""
    var rest = text[...]
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      if let semi = after.prefix(10).firstIndex(of: ";") {
        let name = String(after[..<semi])
        var decoded: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else if name.hasPrefix("#") {
          decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else {
          decoded = named[name]
        }
        if let decoded {
          result += decoded
          rest = after[after.index(after: semi)...]
          continue
        }
      }
      result += "&"
      rest = after
    }
    return result + rest
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
