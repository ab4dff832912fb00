import PodiumCore

/// How commands are written on the wire: a name, a room and an `args` object.
public enum CommandCoding {
  /// The command names the daemon knows, in the order docs list them.
  public static let names = [
    "start", "pause", "resume", "end", "nextSpeaker", "addTime", "setThresholds", "showMessage",
    "clearMessage", "takeMic", "requestHandover", "acceptHandover", "micOff", "cough", "slowDown", "clearSlowDown",
    "messageChief", "messageBooth", "setFloorLanguage", "assignTeam", "setTurnLength", "submitQuestion",
    "voteQuestion", "approveQuestion", "editQuestion", "dismissQuestion", "starQuestion", "tagQuestion",
    "mergeQuestion", "showQuestion", "hideQuestion", "setNextQuestion", "answerQuestion", "restoreQuestion",
    "banDevice", "setIntake",
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
      if let command = try decodeQuestion(name: name, args: args, context: context) {
        return .questions(room, command)
      }
      return .interpretation(room, try decodeInterpretation(name: name, args: args, context: context))
    }
    return .room(room, roomCommand)
  }

  /// A question command, or nil if `name` is not one.
  private static func decodeQuestion(
    name: String, args: [String: JSONValue], context: String
  ) throws -> QuestionCommand? {
    func reader(_ allowed: Set<String>) throws -> ArgumentReader {
      try ArgumentReader(args, context: context, allowed: allowed)
    }
    switch name {
    case "submitQuestion":
      let args = try reader(["question", "text", "name", "language", "device"])
      return .submit(
        id: try args.requiredString("question"), text: try args.requiredString("text"), name: try args.string("name"),
        language: try args.string("language"), device: try args.requiredString("device"))
    case "voteQuestion":
      let args = try reader(["question", "device"])
      return .vote(try args.requiredString("question"), device: try args.requiredString("device"))
    case "approveQuestion":
      let args = try reader(["question", "text", "by"])
      return .approve(
        try args.requiredString("question"), text: try args.string("text"), by: try args.requiredString("by"))
    case "editQuestion":
      let args = try reader(["question", "text", "by"])
      return .edit(
        try args.requiredString("question"), text: try args.requiredString("text"), by: try args.requiredString("by"))
    case "dismissQuestion", "showQuestion", "answerQuestion", "restoreQuestion":
      let args = try reader(["question", "by"])
      let (id, by) = (try args.requiredString("question"), try args.requiredString("by"))
      switch name {
      case "dismissQuestion": return .dismiss(id, by: by)
      case "showQuestion": return .show(id, by: by)
      case "answerQuestion": return .answer(id, by: by)
      default: return .restore(id, by: by)
      }
    case "starQuestion":
      let args = try reader(["question", "starred", "by"])
      return .star(
        try args.requiredString("question"), starred: try args.bool("starred") ?? true,
        by: try args.requiredString("by"))
    case "tagQuestion":
      let args = try reader(["question", "tags", "by"])
      guard let tags = try args.strings("tags") else {
        throw ProtocolError(.invalidArgument, "'tags' is required in \(context)", field: "tags")
      }
      return .tag(try args.requiredString("question"), tags: tags, by: try args.requiredString("by"))
    case "mergeQuestion":
      let args = try reader(["question", "into", "by"])
      return .merge(
        try args.requiredString("question"), into: try args.requiredString("into"), by: try args.requiredString("by"))
    case "hideQuestion":
      return .hide(by: try reader(["by"]).requiredString("by"))
    case "setNextQuestion":
      let args = try reader(["question", "by"])
      return .setNext(try args.string("question"), by: try args.requiredString("by"))
    case "banDevice":
      let args = try reader(["device", "by"])
      return .ban(device: try args.requiredString("device"), by: try args.requiredString("by"))
    case "setIntake":
      let args = try reader(["intake", "by"])
      let text = try args.requiredString("intake")
      guard let intake = Intake(rawValue: text) else {
        throw ProtocolError(
          .invalidArgument, "'intake' must be open, paused or closed (got '\(text)')", field: "intake")
      }
      return .setIntake(intake, by: try args.requiredString("by"))
    default:
      return nil
    }
  }

  private static func decodeInterpretation(
    name: String, args: [String: JSONValue], context: String
  ) throws -> InterpretationCommand {
    func reader(_ allowed: Set<String>) throws -> ArgumentReader {
      try ArgumentReader(args, context: context, allowed: allowed)
    }
    switch name {
    case "takeMic":
      let args = try reader(["booth", "interpreter"])
      return .takeMicrophone(
        booth: try args.requiredString("booth"), interpreter: try args.requiredString("interpreter"))
    case "requestHandover":
      let args = try reader(["booth", "to"])
      return .requestHandover(booth: try args.requiredString("booth"), to: try args.requiredString("to"))
    case "acceptHandover":
      return .acceptHandover(booth: try reader(["booth"]).requiredString("booth"))
    case "micOff":
      return .microphoneOff(booth: try reader(["booth"]).requiredString("booth"))
    case "cough":
      let args = try reader(["booth", "muted"])
      return .cough(booth: try args.requiredString("booth"), muted: try args.bool("muted") ?? true)
    case "slowDown":
      let args = try reader(["booth", "active"])
      return .slowDown(booth: try args.requiredString("booth"), active: try args.bool("active") ?? true)
    case "clearSlowDown":
      _ = try reader([])
      return .clearSlowDown
    case "messageChief", "messageBooth":
      let args = try reader(["booth", "text"])
      let (booth, text) = (try args.requiredString("booth"), try args.requiredString("text"))
      return name == "messageChief" ? .messageChief(booth: booth, text: text) : .messageBooth(booth: booth, text: text)
    case "setFloorLanguage":
      return .setFloorLanguage(try reader(["language"]).string("language"))
    case "assignTeam":
      let args = try reader(["booth", "interpreters"])
      guard let team = try args.strings("interpreters") else {
        throw ProtocolError(.invalidArgument, "'interpreters' is required in \(context)", field: "interpreters")
      }
      return .assignTeam(booth: try args.requiredString("booth"), interpreters: team)
    case "setTurnLength":
      let args = try reader(["booth", "seconds"])
      return .setTurnLength(booth: try args.requiredString("booth"), seconds: try args.requiredNumber("seconds"))
    default:
      throw ProtocolError(
        .unknownCommand, "unknown command '\(name)' (known: \(names.joined(separator: ", ")))", field: "command")
    }
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
    case .interpretation(let room, let command):
      let (name, args) = encode(command)
      return (name, room, args)
    case .questions(let room, let command):
      let (name, args) = encode(command)
      return (name, room, args)
    }
  }

  private static func encode(_ command: QuestionCommand) -> (String, [String: JSONValue]) {
    let text = { (value: String) in JSONValue.string(value) }
    switch command {
    case .submit(let id, let body, let name, let language, let device):
      var args: [String: JSONValue] = ["question": text(id), "text": text(body), "device": text(device)]
      if let name { args["name"] = text(name) }
      if let language { args["language"] = text(language) }
      return ("submitQuestion", args)
    case .vote(let id, let device): return ("voteQuestion", ["question": text(id), "device": text(device)])
    case .approve(let id, let body, let by):
      return ("approveQuestion", ["question": text(id), "by": text(by), "text": body.map(text) ?? .null])
    case .edit(let id, let body, let by):
      return ("editQuestion", ["question": text(id), "text": text(body), "by": text(by)])
    case .dismiss(let id, let by): return ("dismissQuestion", ["question": text(id), "by": text(by)])
    case .star(let id, let starred, let by):
      return ("starQuestion", ["question": text(id), "starred": .bool(starred), "by": text(by)])
    case .tag(let id, let tags, let by):
      return ("tagQuestion", ["question": text(id), "tags": .array(tags.map(text)), "by": text(by)])
    case .merge(let id, let into, let by):
      return ("mergeQuestion", ["question": text(id), "into": text(into), "by": text(by)])
    case .show(let id, let by): return ("showQuestion", ["question": text(id), "by": text(by)])
    case .hide(let by): return ("hideQuestion", ["by": text(by)])
    case .setNext(let id, let by): return ("setNextQuestion", ["question": id.map(text) ?? .null, "by": text(by)])
    case .answer(let id, let by): return ("answerQuestion", ["question": text(id), "by": text(by)])
    case .restore(let id, let by): return ("restoreQuestion", ["question": text(id), "by": text(by)])
    case .ban(let device, let by): return ("banDevice", ["device": text(device), "by": text(by)])
    case .setIntake(let intake, let by): return ("setIntake", ["intake": text(intake.rawValue), "by": text(by)])
    }
  }

  private static func encode(_ command: InterpretationCommand) -> (String, [String: JSONValue]) {
    switch command {
    case .takeMicrophone(let booth, let interpreter):
      ("takeMic", ["booth": .string(booth), "interpreter": .string(interpreter)])
    case .requestHandover(let booth, let to): ("requestHandover", ["booth": .string(booth), "to": .string(to)])
    case .acceptHandover(let booth): ("acceptHandover", ["booth": .string(booth)])
    case .microphoneOff(let booth): ("micOff", ["booth": .string(booth)])
    case .cough(let booth, let muted): ("cough", ["booth": .string(booth), "muted": .bool(muted)])
    case .slowDown(let booth, let active): ("slowDown", ["booth": .string(booth), "active": .bool(active)])
    case .clearSlowDown: ("clearSlowDown", [:])
    case .messageChief(let booth, let text): ("messageChief", ["booth": .string(booth), "text": .string(text)])
    case .messageBooth(let booth, let text): ("messageBooth", ["booth": .string(booth), "text": .string(text)])
    case .setFloorLanguage(let language): ("setFloorLanguage", ["language": language.map { .string($0) } ?? .null])
    case .assignTeam(let booth, let team):
      ("assignTeam", ["booth": .string(booth), "interpreters": .array(team.map { .string($0) })])
    case .setTurnLength(let booth, let seconds):
      ("setTurnLength", ["booth": .string(booth), "seconds": .number(seconds)])
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
