/// Derives, for a floor language, where every booth of a room takes its source from.
///
/// Booths that understand the floor take it directly; the others take relay from a
/// booth already served, fewest steps first, then booths working into their own
/// language before retour booths, then in the room's booth order. The
/// result is a tree rooted at the floor: no booth relays itself, no loops. A booth
/// that can be served by nobody gets `.unsourced`.
public enum RelayMap {
  /// The source of every booth of `booths` when `floor` is spoken.
  public static func derive(booths: [Booth], floor: String?) -> [Booth.ID: RelaySource] {
    var sources: [Booth.ID: RelaySource] = [:]
    guard let floor else {
      for booth in booths { sources[booth.id] = .unsourced }
      return sources
    }
    // Steps from the floor of every booth served so far, with what it speaks into.
    // A booth working into its own language is a better pivot than one working its retour.
    var served: [(booth: Booth, output: String, depth: Int)] = []
    var retours: [(booth: Booth, output: String, depth: Int)] = []
    for booth in booths {
      if booth.language == floor {
        let retour = booth.retour ? booth.sourceLanguages.first { $0 != floor } : nil
        sources[booth.id] = RelaySource(
          kind: .ownLanguage, language: floor, marker: .floor, output: retour)
        if let retour { retours.append((booth, retour, 0)) }
      } else if booth.sourceLanguages.contains(floor) {
        sources[booth.id] = RelaySource(kind: .floor, language: floor, marker: .floor, output: booth.language)
        served.append((booth, booth.language, 0))
      }
    }
    served += retours
    // Breadth first, one relay step at a time, so every booth gets its fewest steps.
    var depth = 1
    while true {
      var added: [(booth: Booth, output: String, depth: Int)] = []
      for booth in booths where sources[booth.id] == nil {
        guard let pivot = served.first(where: { $0.depth == depth - 1 && booth.sourceLanguages.contains($0.output) })
        else { continue }
        sources[booth.id] = RelaySource(
          kind: .relay, language: pivot.output, booth: pivot.booth.id, marker: depth == 1 ? .oneStep : .twoSteps,
          output: booth.language)
        added.append((booth, booth.language, depth))
      }
      if added.isEmpty { break }
      served += added
      depth += 1
    }
    for booth in booths where sources[booth.id] == nil { sources[booth.id] = .unsourced }
    return sources
  }
}
