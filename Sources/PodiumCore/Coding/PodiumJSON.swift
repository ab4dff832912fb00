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

  /// `2026-06-25T09:00:00.000Z` for an instant, to the nearest millisecond.
  public static func formatInstant(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let seconds = Date(timeIntervalSince1970: TimeInterval(milliseconds.floorDivided(by: 1000)))
    let fraction = milliseconds - milliseconds.floorDivided(by: 1000) * 1000
    let whole = seconds.formatted(wholeSecondStyle)
    return whole.dropLast() + "." + String(format: "%03lld", fraction) + "Z"
  }

  /// The instant an ISO 8601 text names, with or without fractional seconds.
  public static func parseInstant(_ text: String) -> Date? {
    (try? fractionalStyle.parse(text)).map(roundedToMilliseconds) ?? (try? wholeSecondStyle.parse(text))
  }

  /// The instant rounded to the millisecond, the precision of the log and the wire.
  public static func roundedToMilliseconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
  }

  private static let fractionalStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  private static let wholeSecondStyle = Date.ISO8601FormatStyle()
}

extension Int64 {
  fileprivate func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor < 0) ? quotient - 1 : quotient
  }
}
