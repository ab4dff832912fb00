import Foundation
import PodiumCore
import Yams

extension ConferenceFile {
  /// The non-default working conditions, in minutes (`45m`), or nil when all are defaults.
  private static func workingConditions(_ rules: WorkingConditions) -> Node? {
    guard rules != .standard else { return nil }
    let minutes = { (seconds: TimeInterval) in Node("\(Int(seconds / 60))m") }
    return Node([
      (Node("turn"), minutes(rules.turnLength)), (Node("maxTurn"), minutes(rules.maximumTurn)),
      (Node("maxDay"), minutes(rules.maximumDay)), (Node("maxSession"), minutes(rules.maximumSession)),
      (Node("maxSolo"), minutes(rules.maximumSolo)),
    ])
  }

  /// The non-default moderation rules, or nil.
  private static func moderation(_ rules: ModerationRules) -> Node? {
    guard rules != .standard else { return nil }
    let blocklist = rules.blocklist.sorted { $0.key < $1.key }.map { (Node($0.key), Node($0.value.map { Node($0) })) }
    return Node([
      (Node("maxLength"), Node(String(rules.maximumLength))),
      (Node("maxNameLength"), Node(String(rules.maximumNameLength))), (Node("blocklist"), Node(blocklist)),
    ])
  }

  /// The conference as a conference file (YAML) that `parse` reads back to the same value:
  /// local times in the conference's time zone, keys in the documented order.
  public static func yaml(_ conference: Conference) throws -> String {
    let timeZone = TimeZone(identifier: conference.timeZone) ?? TimeZone(identifier: "UTC")!
    func text(_ value: String) -> Node { Node(value) }
    /// A speaking time as the file writes it: `7`, or `7.5` for 7 min 30 s.
    func minutes(_ seconds: TimeInterval) -> String {
      seconds.truncatingRemainder(dividingBy: 60) == 0 ? String(Int(seconds / 60)) : String(seconds / 60)
    }
    func mapping(_ pairs: [(String, Node?)]) -> Node {
      Node(pairs.compactMap { key, value in value.map { (Node(key), $0) } })
    }
    func translations(_ values: [String: String]) -> Node? {
      values.isEmpty ? nil : Node(values.sorted { $0.key < $1.key }.map { (Node($0.key), Node($0.value)) })
    }
    func local(_ date: Date) -> Node {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
      var value = String(
        format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
        parts.minute ?? 0)
      if let second = parts.second, second != 0 { value += String(format: ":%02d", second) }
      return Node(value)
    }
    let header = mapping([
      ("id", text(conference.id)), ("name", text(conference.name)), ("names", translations(conference.names)),
      ("timeZone", text(conference.timeZone)),
      ("languages", Node(conference.languages.map { mapping([("code", text($0.code)), ("name", text($0.name))]) })),
      ("workingConditions", workingConditions(conference.workingConditions)),
      ("moderation", moderation(conference.moderation)),
    ])
    let rooms = conference.rooms.map { room in
      mapping([
        ("id", text(room.id)), ("name", text(room.name)), ("names", translations(room.names)),
        ("questions", room.questionsURL.map(text)), ("roll", room.roll.map { Node($0 ? "true" : "false") }),
        (
          "booths",
          room.booths.isEmpty
            ? nil
            : Node(
              room.booths.map { booth in
                mapping([
                  ("id", text(booth.id)), ("language", text(booth.language)), ("channel", Node(String(booth.channel))),
                  ("from", Node(booth.sourceLanguages.map(text))), ("retour", Node(booth.retour ? "true" : "false")),
                  (
                    "interpreters",
                    Node(booth.interpreters.map { mapping([("id", text($0.id)), ("name", text($0.name))]) })
                  ),
                ])
              })
        ),
      ])
    }
    let sessions = conference.sessions.map { session in
      mapping([
        ("id", text(session.id)), ("room", text(session.roomId)), ("title", text(session.title)),
        ("titles", translations(session.titles)), ("start", local(session.plannedStart)),
        ("end", local(session.plannedEnd)), ("language", session.language.map(text)),
        ("timer", session.timerKind.map { text($0.rawValue) }),
        ("endAction", session.endAction.map { text($0.rawValue) }),
        (
          "speakers",
          session.speakers.isEmpty
            ? nil
            : Node(
              session.speakers.map { speaker in
                mapping([
                  ("name", text(speaker.name)), ("language", speaker.language.map(text)),
                  ("affiliation", speaker.affiliation.map(text)),
                  ("minutes", speaker.speakingTime.map { Node(minutes($0)) }),
                ])
              })
        ),
      ])
    }
    let document = mapping([("conference", header), ("rooms", Node(rooms)), ("sessions", Node(sessions))])
    return try Yams.serialize(node: document, allowUnicode: true)
  }
}
