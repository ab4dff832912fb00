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

  /// `2026-06-25T09:00:00.000Z` for an instant.
  public static func formatInstant(_ date: Date) -> String {
    date.formatted(instantStyle)
  }

  /// The instant an ISO 8601 text names, with or without fractional seconds.
  public static func parseInstant(_ text: String) -> Date? {
    (try? instantStyle.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
  }

  private static let instantStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
