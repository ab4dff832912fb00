extension Worksheet {
  /// The longest sheet name Excel accepts, in characters.
  public static let maximumNameLength = 31

  /// A sheet name Excel accepts, as close to `wanted` as it can be and unlike any of `taken`
  /// (compared as Excel does, ignoring case): `[]:*?/\` become `-`, apostrophes leave the ends,
  /// the name is cut to 31 characters, and a taken name gets ` (2)`, ` (3)`….
  public static func name(for wanted: String, avoiding taken: [String]) -> String {
    var base = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 })
      .trimmingCharacters(in: .whitespacesAndNewlines)
    while base.hasPrefix("'") { base.removeFirst() }
    while base.hasSuffix("'") { base.removeLast() }
    if base.isEmpty { base = "Sheet" }
    let used = Set(taken.map { $0.lowercased() })
    var suffix = "", number = 1
    while true {
      let room = maximumNameLength - suffix.unicodeScalars.count
      var name = base
      while name.unicodeScalars.count > room { name.removeLast() }
      name = name.trimmingCharacters(in: .whitespaces) + suffix
      if !used.contains(name.lowercased()) { return name }
      number += 1
      suffix = " (\(number))"
    }
  }
}
