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

  /// The zone a file names, mapped from an alias if needed; else a fixed zone from an offset the dates carry; else UTC.
  static func resolve(
    name: String?, sampleOffset: Int?, file: String, place: String, warnings: inout [ImportWarning]
  ) -> (identifier: String, zone: TimeZone) {
    let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    if !trimmed.isEmpty {
      if let canonical = aliases[trimmed]
        ?? aliases.first(where: { $0.key.lowercased() == trimmed.lowercased() })?.value,
        let zone = TimeZone(identifier: canonical)
      {
        if canonical != trimmed {
          warnings.append(
            ImportWarning(
              file: file, place: place, reason: "time zone alias '\(trimmed)' mapped to '\(canonical)'"))
        }
        return (canonical, zone)
      }
      if let zone = TimeZone(identifier: trimmed), trimmed.contains("/") {
        return (trimmed, zone)
      }
      warnings.append(ImportWarning(file: file, place: place, reason: "unknown time zone '\(trimmed)'"))
    }
    if let offset = sampleOffset {
      let fixed = fixedZone(offset)
      warnings.append(
        ImportWarning(
          file: file, place: place,
          reason: "no usable time zone; using the dates' offset as fixed zone '\(fixed.identifier)'"))
      return fixed
    }
    warnings.append(ImportWarning(file: file, place: place, reason: "no time zone and no offsets; assuming UTC"))
    return ("UTC", TimeZone(identifier: "UTC")!)
  }

  /// `Etc/GMT±N` for whole hours (POSIX sign: `Etc/GMT+4` is UTC−4), else the offset's own zone.
  static func fixedZone(_ offset: Int) -> (identifier: String, zone: TimeZone) {
    if offset == 0 { return ("UTC", TimeZone(identifier: "UTC")!) }
    if offset % 3600 == 0, abs(offset) <= 14 * 3600 {
      let name = "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset) / 3600)"
      if let zone = TimeZone(identifier: name) { return (name, zone) }
    }
    let zone = TimeZone(secondsFromGMT: offset)!
    return (zone.identifier, zone)
  }
}
