import PodiumCore

/// The parts of docs/PROTOCOL.md that the declarations say on their own: the command
/// reference (§6), the event types (§5) and the error codes (§7), as Markdown tables.
/// A test keeps the document equal to them.
public enum ProtocolReference {
  /// The generated blocks, by name, as they stand between the document's markers.
  public static var blocks: [String: String] {
    ["commands": commands, "events": events, "errors": errors]
  }

  /// One row per command: its arguments, who sends it, the events it can cause, the topics they change.
  public static var commands: String {
    let rows = CommandCatalogue.all.map { type in
      let arguments = ArgumentSchema.of(type).arguments.map { argument in
        "`\(argument.name)`: \(argument.type)\(argument.required ? "" : ", optional")"
      }
      return row([
        "`\(type.name)`", arguments.isEmpty ? "none" : arguments.joined(separator: "; "), type.sender.rawValue,
        type.events.map { "`\($0.type)`" }.joined(separator: ", "),
        topicKinds(type.events.flatMap { $0.topics }),
      ])
    }
    return table(["`command`", "`args`", "sent by", "events it can cause", "topics"], rows)
  }

  /// One row per event type: its payload's fields, the topics it changes (filed under the first), what causes it.
  public static var events: String {
    let rows = EventCatalogue.all.map { type in
      let causes = CommandCatalogue.all.filter { command in command.events.contains { $0.type == type.type } }
      return row([
        "`\(type.type)`", String(type.version), type.fieldNames.map { "`\($0)`" }.joined(separator: ", "),
        type.topics.map { "`\(pattern($0))`" }.joined(separator: ", "),
        causes.isEmpty ? "a programme coming into force" : causes.map { "`\($0.name)`" }.joined(separator: ", "),
      ])
    }
    return table(["`type`", "version", "payload fields", "topics", "caused by"], rows)
  }

  /// One row per error code.
  public static var errors: String {
    table(["`code`", "meaning"], ErrorCode.allCases.map { row(["`\($0.rawValue)`", $0.meaning]) })
  }

  /// The topic pattern of a kind, e.g. `qa/<room>/<question>`.
  public static func pattern(_ kind: TopicKind) -> String {
    switch kind {
    case .conference: "conference"
    case .room: "room/<room>"
    case .questionBoard: "qa/<room>"
    case .question: "qa/<room>/<question>"
    }
  }

  private static func topicKinds(_ kinds: [TopicKind]) -> String {
    TopicKind.allCases.filter(kinds.contains).map { "`\(pattern($0))`" }.joined(separator: ", ")
  }

  private static func row(_ cells: [String]) -> String {
    "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
  }

  private static func table(_ header: [String], _ rows: [String]) -> String {
    ([row(header), "|" + String(repeating: "---|", count: header.count)] + rows).joined(separator: "\n")
  }
}
