import Foundation
import PodiumCore

/// Reads a conference file (YAML, see docs/CONFERENCE-FORMAT.md) into a `Conference`,
/// refusing anything inconsistent with an error that names the line.
public enum ConferenceFile {
  /// Loads and validates the conference at `path`.
  public static func load(path: String) throws -> Conference {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, message: "cannot read the file (does it exist?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, message: "the file is not UTF-8 text")
    }
    return try parse(text, file: path)
  }

  /// Parses and validates a conference from YAML text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws -> Conference {
    let root = try YAMLNode.parse(text, file: file).mapping(allowed: ["conference", "rooms", "sessions"])
    guard let header = root["conference"] else {
      throw ConfigError(file: file, line: 1, column: 1, message: "missing 'conference' (id, name, timeZone, languages)")
    }
    let info = try header.mapping(allowed: [
      "id", "name", "names", "timeZone", "languages", "workingConditions", "moderation",
    ])
    let timeZoneNode = try required(info, "timeZone", in: header)
    let timeZoneName = try timeZoneNode.nonEmptyString()
    guard let timeZone = TimeZone(identifier: timeZoneName) else {
      throw timeZoneNode.error("unknown time zone '\(timeZoneName)' (use an IANA name such as Africa/Casablanca)")
    }
    let languages = try required(info, "languages", in: header).sequence().map(language)
    let codes = Set(languages.map(\.code))
    try checkUnique(
      languages.map(\.code), nodes: try required(info, "languages", in: header).sequence(), what: "language")

    let roomNodes = try root["rooms"].map { try $0.sequence() } ?? []
    let rooms = try roomNodes.map { try room($0, languages: codes) }
    try checkUnique(rooms.map(\.id), nodes: roomNodes, what: "room id")
    let interpreterIds = rooms.flatMap { $0.booths.flatMap { $0.interpreters.map(\.id) } }
    if let duplicate = Dictionary(grouping: interpreterIds, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
      throw ConfigError(
        file: file, message: "interpreter id '\(duplicate)' is used twice; ids must be unique in the conference")
    }

    let sessionNodes = try root["sessions"].map { try $0.sequence() } ?? []
    let roomIds = Set(rooms.map(\.id))
    let sessions = try sessionNodes.map {
      try session($0, rooms: roomIds, languages: codes, timeZone: timeZone)
    }
    try checkUnique(sessions.map(\.id), nodes: sessionNodes, what: "session id")
    try checkNoOverlap(sessions, nodes: sessionNodes)

    return Conference(
      id: try required(info, "id", in: header).identifier(),
      name: try required(info, "name", in: header).nonEmptyString(),
      names: try info["names"]?.translations() ?? [:], timeZone: timeZoneName, languages: languages, rooms: rooms,
      sessions: sessions, workingConditions: try info["workingConditions"].map(workingConditions) ?? .standard,
      moderation: try info["moderation"].map { try moderation($0, languages: codes) } ?? .standard)
  }

  /// `moderation: {maxLength: 500, maxNameLength: 60, blocklist: {fr: [arnaque], "*": [...]}}`, each optional.
  private static func moderation(_ node: YAMLNode, languages: Set<String>) throws -> ModerationRules {
    let members = try node.mapping(allowed: ["maxLength", "maxNameLength", "blocklist"])
    var rules = ModerationRules.standard
    if let value = members["maxLength"] {
      rules.maximumLength = try value.int()
      guard (1...2000).contains(rules.maximumLength) else { throw value.error("maxLength must be 1…2000") }
    }
    if let value = members["maxNameLength"] {
      rules.maximumNameLength = try value.int()
      guard (1...200).contains(rules.maximumNameLength) else { throw value.error("maxNameLength must be 1…200") }
    }
    if let value = members["blocklist"] {
      for (language, terms) in try value.mapping(allowed: languages.union(["*"])) {
        rules.blocklist[language] = try terms.sequence().map { try $0.nonEmptyString() }
      }
    }
    return rules
  }

  /// `workingConditions: {turn: 30m, maxTurn: 30m, maxDay: 7h, maxSession: 4h, maxSolo: 40m}`, each optional.
  private static func workingConditions(_ node: YAMLNode) throws -> WorkingConditions {
    let members = try node.mapping(allowed: ["turn", "maxTurn", "maxDay", "maxSession", "maxSolo"])
    var rules = WorkingConditions.standard
    if let value = members["turn"] { rules.turnLength = try duration(value) }
    if let value = members["maxTurn"] { rules.maximumTurn = try duration(value) }
    if let value = members["maxDay"] { rules.maximumDay = try duration(value) }
    if let value = members["maxSession"] { rules.maximumSession = try duration(value) }
    if let value = members["maxSolo"] { rules.maximumSolo = try duration(value) }
    return rules
  }

  private static func language(_ node: YAMLNode) throws -> Language {
    let members = try node.mapping(allowed: ["code", "name"])
    return Language(
      code: try required(members, "code", in: node).identifier(),
      name: try required(members, "name", in: node).nonEmptyString())
  }

  private static func room(_ node: YAMLNode, languages: Set<String>) throws -> Room {
    let members = try node.mapping(allowed: ["id", "name", "names", "booths", "questions", "roll"])
    let boothNodes = try members["booths"].map { try $0.sequence() } ?? []
    let booths = try boothNodes.map { try booth($0, languages: languages) }
    try checkUnique(booths.map(\.id), nodes: boothNodes, what: "booth id")
    try checkUnique(booths.map { String($0.channel) }, nodes: boothNodes, what: "channel")
    return Room(
      id: try required(members, "id", in: node).identifier(),
      name: try required(members, "name", in: node).nonEmptyString(),
      names: try members["names"]?.translations() ?? [:], booths: booths,
      questionsURL: try members["questions"].map(webAddress), roll: try members["roll"]?.bool())
  }

  private static func booth(_ node: YAMLNode, languages: Set<String>) throws -> Booth {
    let members = try node.mapping(allowed: ["id", "language", "channel", "from", "retour", "interpreters"])
    let languageNode = try required(members, "language", in: node)
    let target = try known(languageNode, languages)
    let channelNode = try required(members, "channel", in: node)
    let channel = try channelNode.int()
    guard (0...999).contains(channel) else { throw channelNode.error("channel must be 0…999 (got \(channel))") }
    let sources = try members["from"].map { try $0.sequence().map { try known($0, languages) } } ?? []
    let interpreterNodes = try members["interpreters"].map { try $0.sequence() } ?? []
    let interpreters = try interpreterNodes.map { interpreterNode in
      let fields = try interpreterNode.mapping(allowed: ["id", "name"])
      return Interpreter(
        id: try required(fields, "id", in: interpreterNode).identifier(),
        name: try required(fields, "name", in: interpreterNode).nonEmptyString())
    }
    return Booth(
      id: try required(members, "id", in: node).identifier(), language: target, channel: channel,
      sourceLanguages: sources, retour: try members["retour"]?.bool() ?? false, interpreters: interpreters)
  }

  private static func session(
    _ node: YAMLNode, rooms: Set<String>, languages: Set<String>, timeZone: TimeZone
  ) throws -> Session {
    let members = try node.mapping(
      allowed: [
        "id", "room", "title", "titles", "start", "end", "duration", "language", "speakers", "timer", "endAction",
      ])
    let roomNode = try required(members, "room", in: node)
    let room = try roomNode.identifier()
    guard rooms.contains(room) else {
      throw roomNode.error("no room '\(room)' is defined (rooms: \(rooms.sorted().joined(separator: ", ")))")
    }
    let startNode = try required(members, "start", in: node)
    let start = try instant(startNode, timeZone: timeZone)
    let end: Date
    switch (members["end"], members["duration"]) {
    case (let endNode?, nil): end = try instant(endNode, timeZone: timeZone)
    case (nil, let durationNode?): end = start.addingTimeInterval(try duration(durationNode))
    case (_?, _?): throw node.error("give either 'end' or 'duration', not both")
    case (nil, nil): throw node.error("a session needs 'end' or 'duration'")
    }
    guard end > start else { throw (members["end"] ?? startNode).error("the session must end after it starts") }
    let speakerNodes = try members["speakers"].map { try $0.sequence() } ?? []
    let speakers = try speakerNodes.map { speakerNode in
      let fields = try speakerNode.mapping(allowed: ["name", "language", "affiliation", "minutes"])
      return Speaker(
        name: try required(fields, "name", in: speakerNode).nonEmptyString(),
        language: try fields["language"].map { try known($0, languages) },
        affiliation: try fields["affiliation"]?.string(),
        speakingTime: try fields["minutes"].map(speakingTime))
    }
    return Session(
      id: try required(members, "id", in: node).identifier(), roomId: room,
      title: try required(members, "title", in: node).nonBlankText(),
      titles: try members["titles"]?.translations() ?? [:], plannedStart: start, plannedEnd: end,
      speakers: speakers, language: try members["language"].map { try known($0, languages) },
      timerKind: try members["timer"].map { try choice($0, of: TimerKind.self) },
      endAction: try members["endAction"].map { try choice($0, of: EndAction.self) })
  }

  /// One of the cases of `type`, by its name (`countUp`), or an error listing them.
  static func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, of type: Choice.Type) throws -> Choice
  where Choice.RawValue == String {
    let text = try node.string()
    guard let value = Choice(rawValue: text) else {
      throw node.error("'\(text)' is not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
  }

  /// A speaker's `minutes:` (7, or 7.5 for 7 min 30 s) as seconds, refused when no slot can be that long.
  static func speakingTime(_ node: YAMLNode) throws -> TimeInterval {
    let seconds = (try node.double() * 60).rounded()
    if let problem = Speaker.problem(speakingTime: seconds) { throw node.error(problem) }
    return seconds
  }

  /// `2026-06-25 09:00` in the conference's time zone, or an ISO 8601 instant with offset.
  static func instant(_ node: YAMLNode, timeZone: TimeZone) throws -> Date {
    let text = try node.string().trimmingCharacters(in: .whitespaces)
    if let date = PodiumJSON.parseInstant(text) { return date }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    throw node.error("'\(text)' is not a time; write local time as 2026-06-25 09:00")
  }

  /// `45m`, `1h30m`, `90` (minutes) or `1:30` (hours:minutes).
  static func duration(_ node: YAMLNode) throws -> TimeInterval {
    let text = try node.string()
    guard let seconds = SessionLength.seconds(in: text) else {
      throw node.error("'\(text.trimmingCharacters(in: .whitespaces))' is not a duration; write 45m, 1h30m or 1:30")
    }
    return seconds
  }

  /// An `http(s)://` address.
  private static func webAddress(_ node: YAMLNode) throws -> String {
    let text = try node.nonEmptyString()
    guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
    else {
      throw node.error("'\(text)' is not a web address (http:// or https://)")
    }
    return text
  }

  private static func known(_ node: YAMLNode, _ languages: Set<String>) throws -> String {
    let code = try node.identifier()
    guard languages.contains(code) else {
      throw node.error(
        "language '\(code)' is not among the conference's languages (\(languages.sorted().joined(separator: ", ")))")
    }
    return code
  }

  private static func required(_ members: [String: YAMLNode], _ key: String, in node: YAMLNode) throws -> YAMLNode {
    guard let value = members[key] else { throw node.error("missing '\(key)'") }
    return value
  }

  private static func checkUnique(_ values: [String], nodes: [YAMLNode], what: String) throws {
    var seen = Set<String>()
    for (value, node) in zip(values, nodes) where !seen.insert(value).inserted {
      throw node.error("\(what) '\(value)' is used twice")
    }
  }

  private static func checkNoOverlap(_ sessions: [Session], nodes: [YAMLNode]) throws {
    let indexed = Array(zip(sessions, nodes))
    for (_, group) in Dictionary(grouping: indexed, by: { $0.0.roomId }) {
      let ordered = group.sorted { $0.0.plannedStart < $1.0.plannedStart }
      for (before, after) in zip(ordered, ordered.dropFirst()) where after.0.plannedStart < before.0.plannedEnd {
        throw after.1.error(
          "session '\(after.0.id)' starts before '\(before.0.id)' ends in room '\(after.0.roomId)'")
      }
    }
  }
}
