import PodiumCore

/// A rule of the control bridge: when something happens in a room (`trigger`), if it passes
/// the `filter`, do the `actions` in order. Read from the settings' `automations:`
/// (docs/CONTROL.md); each occurrence fires once, also across restarts of the bridge.
public struct Automation: Equatable, Sendable {
  /// What sets it off.
  public enum Trigger: Equatable, Sendable {
    /// A session started, or ended.
    case sessionStarted, sessionEnded
    /// The timer's phase became `warning`, `danger` or `overtime`.
    case phase(Phase)
    /// The session runs over by this many minutes.
    case overtime(minutes: Int)
    /// The floor went to the next speaker.
    case speakerAdvanced
    /// An audience question was put on the screen.
    case questionOnScreen
    /// A booth asked the speaker to slow down.
    case slowDown
    /// The room runs late by more than this many minutes.
    case late(minutes: Int)
  }

  /// Which occurrences count: all of those fields that are set must match.
  public struct Filter: Equatable, Sendable {
    public var room: Room.ID?
    public var session: Session.ID?
    /// For `slowDown`: the booth that asked.
    public var booth: Booth.ID?

    public init(room: Room.ID? = nil, session: Session.ID? = nil, booth: Booth.ID? = nil) {
      self.room = room
      self.session = session
      self.booth = booth
    }
  }

  /// What it does. Texts may hold `{variable}`: the room's variable of that name then
  /// (`{timeLeft}`, `{currentSpeaker}`, `{lateMinutes}`…; docs/CONTROL.md).
  public enum Action: Equatable, Sendable {
    /// A Podium command, as an operator, in the occurrence's room (or `room`).
    case command(name: String, args: [String: JSONValue], room: Room.ID?)
    /// An OSC message to `target` (`host:port`), sent from the bridge's OSC port.
    case osc(target: String, address: String, arguments: [JSONValue])
    /// An HTTP request; `body` is sent as JSON.
    case http(method: String, url: String, body: JSONValue?)
  }

  /// Its name in the log (`automation 3` when the file gives none).
  public var name: String
  public var trigger: Trigger
  public var filter: Filter
  public var actions: [Action]

  public init(name: String, trigger: Trigger, filter: Filter = Filter(), actions: [Action]) {
    self.name = name
    self.trigger = trigger
    self.filter = filter
    self.actions = actions
  }
}
