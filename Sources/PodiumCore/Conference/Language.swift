/// A language spoken on the floor or interpreted into.
public struct Language: Codable, Equatable, Hashable, Sendable {
  /// BCP 47 code, e.g. `ar`, `fr`, `en`.
  public var code: String
  /// The language's name in itself, e.g. `العربية`, `Français`.
  public var name: String

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case code = "code", name = "name"
  }

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }

  /// Writing direction of the language's script.
  public var direction: TextDirection { TextDirection(languageCode: code) }
}

/// Left-to-right or right-to-left, as screens must lay text out.
public enum TextDirection: String, Codable, Sendable {
  case leftToRight = "ltr"
  case rightToLeft = "rtl"

  /// The direction of the main script of a language, from its BCP 47 code.
  public init(languageCode: String) {
    let primary = languageCode.split(separator: "-").first.map { $0.lowercased() } ?? ""
    let rightToLeft: Set<String> = ["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]
    self = rightToLeft.contains(primary) ? .rightToLeft : .leftToRight
  }
}
