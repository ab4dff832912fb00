import Foundation

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

  /// The conference's zone: the one `given` (by the person importing, or by the conference file
  /// merged into) wins; else the one the file names, mapped from an alias if needed. With neither,
  /// the import is refused: times read in a guessed zone would be off for every session.
  static func resolve(
    name: String?, given: String?, sampleOffset: Int?, file: String, place: String,
    warnings: inout [ImportWarning]
  ) throws -> (identifier: String, zone: TimeZone) {
    let named = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    let known = named.isEmpty ? nil : canonical(named)
    if let given {
      guard let zone = canonical(given) else {
        throw ImportError(
          file: file, place: "--time-zone",
          reason: "'\(given)' is not a time zone of the IANA database (e.g. Africa/Casablanca, Europe/Brussels)")
      }
      if !named.isEmpty, known?.identifier != zone.identifier {
        warnings.append(
          ImportWarning(
            file: file, place: place, reason: "the file says time zone '\(named)'; '\(zone.identifier)' used as given"))
      }
      return zone
    }
    if let known {
      if known.identifier != named {
        warnings.append(
          ImportWarning(
            file: file, place: place, reason: "time zone alias '\(named)' mapped to '\(known.identifier)'"))
      }
      return known
    }
    let offsets = sampleOffset.map { " (its times carry the offset \(Self.offset($0)))" } ?? ""
    let found = named.isEmpty ? "the file names no time zone\(offsets)" : "unknown time zone '\(named)'"
    throw ImportError(
      file: file, place: place,
      reason: "\(found): give the conference's zone with --time-zone, e.g. --time-zone Europe/Brussels")
  }

  /// An IANA zone from its name or an old alias; `nil` for anything else (offsets, abbreviations).
  static func canonical(_ name: String) -> (identifier: String, zone: TimeZone)? {
    if let canonical = aliases[name] ?? aliases.first(where: { $0.key.lowercased() == name.lowercased() })?.value,
      let zone = TimeZone(identifier: canonical)
    {
      return (canonical, zone)
    }
    if name.contains("/"), let zone = TimeZone(identifier: name) { return (name, zone) }
    return nil
  }

  /// `+01:00`.
  static func offset(_ seconds: Int) -> String {
    let minutes = abs(seconds) / 60
    return (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
  }
}
