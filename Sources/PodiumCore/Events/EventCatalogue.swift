/// Every event type the log can hold: the programme's own, then those the commands of
/// `CommandCatalogue` declare, in that order.
public enum EventCatalogue {
  /// Events no command causes: the daemon records them when a programme comes into force.
  public static let programme: [any Event.Type] = [ConferenceLoaded.self, ProgrammeChanged.self]

  /// Every event type, each once.
  public static let all: [any Event.Type] = {
    var seen = Set<String>()
    return (programme + CommandCatalogue.all.flatMap { $0.events }).filter { seen.insert($0.type).inserted }
  }()

  private static let byType: [String: any Event.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.type, $0) })

  /// The event type stored under this name.
  public static func named(_ type: String) -> (any Event.Type)? { byType[type] }
}
