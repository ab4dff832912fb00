import PodiumCore

/// How commands are written on the wire: a name, a room and an `args` object.
public enum CommandCoding {
  /// The command names the daemon knows, in the order docs list them.
  public static let names = [
    "start", "pause", "resume", "end", "nextSpeaker", "addTime", "setThresholds", "showMessage",
    "clearMessage",
  ]

  /// The command a wire name, room and arguments describe.
  public static func decode(name: String, room: String, args: [String: JSONValue]) throws -> Command {
    let context = "the args of '\(name)'"
    let roomCommand: RoomCommand
    switch name {
    case "start":
      let reader = try ArgumentReader(args, context: context, allowed: ["session"])
      roomCommand = .start(session: try reader.string("session"))
    case "pause", "resume", "end", "nextSpeaker", "clearMessage":
      _ = try ArgumentReader(args, context: context, allowed: [])
      roomCommand =
        switch name {
        case "pause": .pause
        case "resume": .resume
        case "end": .end
        case "nextSpeaker": .nextSpeaker
        default: .clearMessage
        }
    case "addTime":
      let reader = try ArgumentReader(args, context: context, allowed: ["seconds"])
      roomCommand = .addTime(seconds: try reader.requiredNumber("seconds"))
    case "setThresholds":
      let reader = try ArgumentReader(args, context: context, allowed: ["warning", "danger"])
      roomCommand = .setThresholds(
        Thresholds(warning: try reader.requiredNumber("warning"), danger: try reader.requiredNumber("danger")))
    case "showMessage":
      let reader = try ArgumentReader(args, context: context, allowed: ["text", "blink", "blackout"])
      roomCommand = .showMessage(
        SpeakerMessage(
          text: try reader.string("text") ?? "", blink: try reader.bool("blink") ?? false,
          blackout: try reader.bool("blackout") ?? false))
    default:
      throw ProtocolError(
        .unknownCommand, "unknown command '\(name)' (known: \(names.joined(separator: ", ")))", field: "command")
    }
    return .room(room, roomCommand)
  }

  /// The wire name, room and arguments of a command.
  public static func encode(_ command: Command) -> (name: String, room: String, args: [String: JSONValue]) {
    switch command {
    case .room(let room, let roomCommand):
      switch roomCommand {
      case .start(let session):
        return ("start", room, session.map { ["session": .string($0)] } ?? [:])
      case .pause: return ("pause", room, [:])
      case .resume: return ("resume", room, [:])
      case .end: return ("end", room, [:])
      case .nextSpeaker: return ("nextSpeaker", room, [:])
      case .clearMessage: return ("clearMessage", room, [:])
      case .addTime(let seconds): return ("addTime", room, ["seconds": .number(seconds)])
      case .setThresholds(let thresholds):
        return ("setThresholds", room, ["warning": .number(thresholds.warning), "danger": .number(thresholds.danger)])
      case .showMessage(let message):
        return (
          "showMessage", room,
          ["text": .string(message.text), "blink": .bool(message.blink), "blackout": .bool(message.blackout)]
        )
      }
    }
  }

  /// The full request body for a command with a client-chosen id.
  public static func requestBody(id: String, _ command: Command) -> JSONValue {
    let (name, room, args) = encode(command)
    return .object([
      "type": .string("command"), "id": .string(id), "room": .string(room), "command": .string(name),
      "args": .object(args),
    ])
  }
}
