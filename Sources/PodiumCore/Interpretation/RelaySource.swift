/// Where a booth takes what it interprets from, and what it speaks into.
public struct RelaySource: Codable, Equatable, Sendable {
  /// How the booth hears the source.
  public enum Kind: String, Codable, Sendable {
    /// Straight from the floor.
    case floor
    /// From another booth's output (pivot).
    case relay
    /// The floor speaks the booth's own language: it is silent, or works into its retour.
    case ownLanguage
    /// No floor language, or no booth it could take from.
    case none
  }

  /// The marker interpreting equipment shows: floor, `+` (one relay step) or `−` (two or more).
  public enum Marker: String, Codable, Sendable {
    case floor
    case oneStep = "+"
    case twoSteps = "−"
  }

  public var kind: Kind
  /// The language the booth listens to.
  public var language: String?
  /// The booth it takes relay from, when it does.
  public var booth: Booth.ID?
  public var marker: Marker?
  /// The language the booth speaks into now (`nil`: silent).
  public var output: String?

  public init(
    kind: Kind, language: String? = nil, booth: Booth.ID? = nil, marker: Marker? = nil, output: String? = nil
  ) {
    self.kind = kind
    self.language = language
    self.booth = booth
    self.marker = marker
    self.output = output
  }

  /// No source at all.
  public static let unsourced = RelaySource(kind: .none)
}
