import Foundation

/// The JSON conventions shared by the event log and the wire.
///
/// Instants are ISO 8601 in UTC with milliseconds (`2026-06-25T09:00:00.000Z`);
/// keys are sorted so equal values encode to equal bytes.
public enum PodiumJSON {
  /// An encoder following Podium's conventions.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(formatInstant(date))
    }
    return encoder
  }

  /// A decoder following Podium's conventions.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = parseInstant(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "expected an ISO 8601 instant, got \(text)")
      }
      return date
    }
    return decoder
  }

  /// Appends `text` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or
  /// `\u00XX`, everything else (slashes, every other character) as its UTF-8, as `JSONEncoder` writes it.
  public static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var plainFrom = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
        plainFrom = index + 1
        switch byte {
        case UInt8(ascii: "\""): bytes += [0x5C, UInt8(ascii: "\"")]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
        case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes += [
            0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)],
          ]
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `2026-06-25T09:00:00.000Z` for an instant, to the nearest millisecond.
  public static func formatInstant(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let (days, inDay) = milliseconds.floorDivided(by: 86_400_000)
    let (year, month, day) = civil(fromDays: days)
    var text = [UInt8](repeating: 0, count: 24)
    func put(_ value: Int64, _ width: Int, at offset: Int) {
      var rest = value
      for position in stride(from: offset + width - 1, through: offset, by: -1) {
        text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
    }
    guard (0...9999).contains(year) else { return date.formatted(wholeSecondStyle) }
    put(year, 4, at: 0)
    put(month, 2, at: 5)
    put(day, 2, at: 8)
    put(inDay / 3_600_000, 2, at: 11)
    put(inDay / 60_000 % 60, 2, at: 14)
    put(inDay / 1000 % 60, 2, at: 17)
    put(inDay % 1000, 3, at: 20)
    for (offset, character) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")] {
      text[offset] = UInt8(ascii: Unicode.Scalar(character)!)
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The instant an ISO 8601 text names, with or without fractional seconds.
  public static func parseInstant(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    if bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") {
      return canonicalInstant(bytes)  // the form Podium writes: an impossible date is refused
    }
    return (try? fractionalStyle.parse(text)).map(roundedToMilliseconds) ?? (try? wholeSecondStyle.parse(text))
  }

  /// `YYYY-MM-DDTHH:MM:SS[.mmm]Z`, the form Podium writes, read without a formatter.
  private static func canonicalInstant(_ bytes: [UInt8]) -> Date? {
    func number(_ offset: Int, _ width: Int) -> Int64? {
      var value: Int64 = 0
      for byte in bytes[offset..<offset + width] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
      }
      return value
    }
    let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
    guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var milliseconds: Int64 = 0
    if bytes.count == 24 {
      guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, 3) else { return nil }
      milliseconds = fraction
    }
    let days = days(fromCivil: year, month, day)
    guard civil(fromDays: days) == (year, month, day) else { return nil }  // no 31 February
    let total = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milliseconds
    return Date(timeIntervalSince1970: Double(total) / 1000)
  }

  /// Year, month, day of the day `days` after 1970-01-01 (H. Hinnant's civil_from_days).
  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Days after 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
  private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The instant rounded to the millisecond, the precision of the log and the wire.
  public static func roundedToMilliseconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
  }

  private static let fractionalStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  private static let wholeSecondStyle = Date.ISO8601FormatStyle()
}

extension Int64 {
  /// Floor division and its non-negative remainder.
  fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let quotient = self / divisor - (self % divisor < 0 ? 1 : 0)
    return (quotient, self - quotient * divisor)
  }
}
