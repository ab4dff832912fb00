import PodiumCore

/// Merges a re-imported schedule into the conference in force, by stable ids.
///
/// The schedule decides which sessions there are and when; the conference keeps what
/// a schedule does not carry: its name and time zone, rooms' booths and names,
/// sessions' translations and languages when the schedule has none.
public enum ScheduleMerge {
  /// `imported` merged into `existing`.
  public static func merge(_ imported: Conference, into existing: Conference) -> Conference {
    var merged = existing
    let knownLanguages = Set(existing.languages.map(\.code))
    merged.languages += imported.languages.filter { !knownLanguages.contains($0.code) }
    let knownRooms = Set(existing.rooms.map(\.id))
    merged.rooms += imported.rooms.filter { !knownRooms.contains($0.id) }
    merged.sessions = imported.sessions.map { session in
      guard let previous = existing.session(session.id) else { return session }
      var kept = session
      if kept.titles.isEmpty { kept.titles = previous.titles }
      if kept.language == nil { kept.language = previous.language }
      if kept.speakers.allSatisfy({ $0.language == nil && $0.affiliation == nil && $0.speakingTime == nil }),
        kept.speakers.map(\.name) == previous.speakers.map(\.name)
      {
        kept.speakers = previous.speakers
      }
      return kept
    }
    return merged
  }
}
