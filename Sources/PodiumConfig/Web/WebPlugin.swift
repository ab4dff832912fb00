/// The web plugins whose addresses the settings hold, by their settings key.
public enum WebPlugin: String, CaseIterable, Sendable {
  /// The room display (door screens, monitors, control pages): `podium-display`.
  case display
  /// The booth consoles and the chief interpreter's view: `podium-booth`.
  case booths
  /// The audience's question pages and the moderators' console: `podium-qa`.
  case questions
  /// The control bridge (HTTP API, WebSocket) for stage crews' hardware: `podium-control`.
  case control

  /// The environment variable naming its public origin.
  public var urlVariable: String {
    switch self {
    case .display: "PODIUM_DISPLAY_URL"
    case .booths: "PODIUM_BOOTH_URL"
    case .questions: "PODIUM_QA_URL"
    case .control: "PODIUM_CONTROL_URL"
    }
  }

  /// The setting holding where it listens.
  public var listenKey: WritableKeyPath<PodiumSettings, String> {
    switch self {
    case .display: \.displayAddress
    case .booths: \.boothAddress
    case .questions: \.questionsAddress
    case .control: \.controlAddress
    }
  }
}
