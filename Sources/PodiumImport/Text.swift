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

/// A date and time as schedules write them: ISO 8601 with or without an offset.
struct LocalDateTime: Equatable {
  var year: Int, month: Int, day: Int
  var hour: Int, minute: Int, second: Int
  /// Seconds east of UTC, if the text had an offset (`Z` is 0).
  var offset: Int?

  /// Parses `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, and the basic iCalendar form `YYYYMMDDTHHMMSS[Z]`.
  init?(_ text: String) {
    let scalars = Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars)
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= scalars.count else { return nil }
      var value = 0
      for scalar in scalars[index..<index + digits] {
        guard let digit = Int(String(scalar)), ("0"..."9").contains(scalar) else { return nil }
        value = value * 10 + digit
      }
      index += digits
      return value
    }
    func skip(_ character: Unicode.Scalar) -> Bool {
      if index < scalars.count && scalars[index] == character {
        index += 1
        return true
      }
      return false
    }
    guard let year = number(4) else { return nil }
    let extended = skip("-")
    guard let month = number(2), !extended || skip("-"), let day = number(2) else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
    (hour, minute, second) = (0, 0, 0)
    guard index < scalars.count else { return nil }
    guard skip("T") || skip(" ") || skip("t"), let hour = number(2) else { return nil }
    self.hour = hour
    if extended {
      guard skip(":"), let minute = number(2) else { return nil }
      self.minute = minute
      if skip(":") {
        guard let second = number(2) else { return nil }
        self.second = second
        if skip(".") || skip(",") {
          while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        }
      }
    } else {
      guard let minute = number(2), let second = number(2) else { return nil }
      (self.minute, self.second) = (minute, second)
    }
    if index == scalars.count {
      offset = nil
    } else if skip("Z") || skip("z") {
      offset = 0
    } else if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
      let sign = scalars[index] == "-" ? -1 : 1
      index += 1
      guard let hours = number(2) else { return nil }
      _ = skip(":")
      let minutes = number(2) ?? 0
      offset = sign * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    guard index == scalars.count, (1...12).contains(month), (1...31).contains(day), hour <= 24, minute < 60,
      second <= 60
    else { return nil }
  }

  /// The instant: at the text's own offset if it has one, else in `zone`.
  func instant(in zone: TimeZone) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    if let offset {
      guard let fixed = TimeZone(secondsFromGMT: offset) else { return nil }
      calendar.timeZone = fixed
    } else {
      calendar.timeZone = zone
    }
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: components)
  }
}

/// Time zone names as schedules write them, mapped to current IANA identifiers.
enum TimeZones {
  /// Old or backward-compatibility names still found in exports, and their canonical IANA names.
  static let aliases: [String: String] = [
    "US/Eastern": "America/New_York", "US/Central": "America/Chicago", "US/Mountain": "America/Denver",
    "US/Pacific": "America/Los_Angeles", "US/Arizona": "America/Phoenix", "US/Alaska": "America/Anchorage",
    "US/Hawaii": "Pacific/Honolulu", "US/East-Indiana": "America/Indiana/Indianapolis",
    "Canada/Eastern": "America/Toronto", "Canada/Central": "America/Winnipeg", "Canada/Pacific": "America/Vancouver",
    "Canada/Atlantic": "America/Halifax", "Canada/Mountain": "America/Edmonton",
    "Brazil/East": "America/Sao_Paulo", "Mexico/General": "America/Mexico_City",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires", "GB": "Europe/London", "Eire": "Europe/Dublin",
    "Asia/Calcutta": "Asia/Kolkata", "Asia/Saigon": "Asia/Ho_Chi_Minh", "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Rangoon": "Asia/Yangon", "Africa/Asmera": "Africa/Asmara", "Japan": "Asia/Tokyo", "PRC": "Asia/Shanghai",
    "ROC": "Asia/Taipei", "ROK": "Asia/Seoul", "Israel": "Asia/Jerusalem", "Egypt": "Africa/Cairo",
    "Turkey": "Europe/Istanbul", "Singapore": "Asia/Singapore", "Australia/NSW": "Australia/Sydney",
    "Australia/ACT": "Australia/Sydney", "Australia/Victoria": "Australia/Melbourne", "NZ": "Pacific/Auckland",
    "UTC": "UTC", "Etc/UTC": "UTC", "Etc/UCT": "UTC", "UCT": "UTC", "Universal": "UTC", "Zulu": "UTC",
    "GMT": "UTC", "Etc/GMT": "UTC", "Greenwich": "UTC",
  ]

  /// The zone a file names, mapped from an alias if needed; else a fixed zone from an offset the dates carry; else UTC.
  static func resolve(
    name: String?, sampleOffset: Int?, file: String, place: String, warnings: inout [ImportWarning]
  ) -> (identifier: String, zone: TimeZone) {
    let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    if !trimmed.isEmpty {
      if let canonical = aliases[trimmed]
        ?? aliases.first(where: { $0.key.lowercased() == trimmed.lowercased() })?.value,
        let zone = TimeZone(identifier: canonical)
      {
        if canonical != trimmed {
          warnings.append(
            ImportWarning(
              file: file, place: place, reason: "time zone alias '\(trimmed)' mapped to '\(canonical)'"))
        }
        return (canonical, zone)
      }
      if let zone = TimeZone(identifier: trimmed), trimmed.contains("/") {
        return (trimmed, zone)
      }
      warnings.append(ImportWarning(file: file, place: place, reason: "unknown time zone '\(trimmed)'"))
    }
    if let offset = sampleOffset {
      let fixed = fixedZone(offset)
      warnings.append(
        ImportWarning(
          file: file, place: place,
          reason: "no usable time zone; using the dates' offset as fixed zone '\(fixed.identifier)'"))
      return fixed
    }
    warnings.append(ImportWarning(file: file, place: place, reason: "no time zone and no offsets; assuming UTC"))
    return ("UTC", TimeZone(identifier: "UTC")!)
  }

  /// `Etc/GMT±N` for whole hours (POSIX sign: `Etc/GMT+4` is UTC−4), else the offset's own zone.
  static func fixedZone(_ offset: Int) -> (identifier: String, zone: TimeZone) {
    if offset == 0 { return ("UTC", TimeZone(identifier: "UTC")!) }
    if offset % 3600 == 0, abs(offset) <= 14 * 3600 {
      let name = "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset) / 3600)"
      if let zone = TimeZone(identifier: name) { return (name, zone) }
    }
    let zone = TimeZone(secondsFromGMT: offset)!
    return (zone.identifier, zone)
  }
}
