/// Whether a room takes audience questions.
public enum Intake: String, Codable, Sendable, CaseIterable {
  /// Questions are taken.
  case open
  /// Not now (the page says so); a moderator reopens.
  case paused
  /// No more questions for this session.
  case closed

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let intake = Intake(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "must be open, paused or closed (got '\(text)')")
    }
    self = intake
  }
}
