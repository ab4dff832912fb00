import OSC
import PodiumCore
import PodiumProtocol

/// An OSC message read as a command: `/podium/<room>/<command> [arguments…]`, the command's
/// wire name in any case (`addtime`, `addTime`) and its arguments in the order of its
/// declaration (docs/CONTROL.md lists them). Two addresses are shorthands: `message <text>
/// [blink]` shows a message on the speaker's monitor, `blackout <0|1>` blacks it out and back.
///
/// Pure: the room's current message (for `blackout`) is given.
struct OSCCommand: Equatable {
  /// The room, the command's wire name and its arguments as JSON.
  var room: String
  var name: String
  var args: [String: JSONValue]

  /// The first part of every address.
  static let root = "podium"

  /// The command `message` asks for, or why it is none. `message` and `blackout` keep the
  /// room's `currentMessage` (text, blink).
  static func of(
    _ message: OSCMessage, currentMessage: (text: String, blink: Bool)?
  ) -> Result<
    OSCCommand, ProtocolError
  > {
    let parts = message.addressParts
    guard parts.count == 3, parts[0] == Self.root, !parts[1].isEmpty else {
      return .failure(
        ProtocolError(
          .unknownCommand, "'\(message.address)' is not /\(Self.root)/<room>/<command> (docs/CONTROL.md)"))
    }
    let room = String(parts[1])
    let verb = parts[2].lowercased()
    switch verb {
    case "message":
      return arguments(message.arguments, of: ShowMessage.self, names: ["text", "blink"]).map {
        OSCCommand(room: room, name: ShowMessage.name, args: $0)
      }
    case "blackout":
      guard message.arguments.count == 1, let on = message.arguments[0].number else {
        return .failure(ProtocolError(.invalidArgument, "blackout takes one number: 1 (black) or 0 (back)"))
      }
      guard on != 0 else { return .success(OSCCommand(room: room, name: ClearMessage.name, args: [:])) }
      var args: [String: JSONValue] = [
        ShowMessage.CodingKeys.blackout.stringValue: .bool(true),
        ShowMessage.CodingKeys.text.stringValue: .string(currentMessage?.text ?? ""),
      ]
      if currentMessage?.blink == true { args[ShowMessage.CodingKeys.blink.stringValue] = .bool(true) }
      return .success(OSCCommand(room: room, name: ShowMessage.name, args: args))
    default:
      guard let type = CommandCatalogue.all.first(where: { $0.name.lowercased() == verb }) else {
        return .failure(ProtocolError(.unknownCommand, "no command '\(parts[2])' (docs/CONTROL.md lists them)"))
      }
      return arguments(message.arguments, of: type).map { OSCCommand(room: room, name: type.name, args: $0) }
    }
  }

  /// OSC arguments as the named arguments of `type` (all of its arguments, in order, unless
  /// `names` picks some): numbers for numbers, whole numbers for whole numbers, `T`/`F` or a
  /// number (0 false, else true) for booleans, texts for texts and choices; `N` leaves one out.
  static func arguments(
    _ values: [OSCArgument], of type: any Command.Type, names: [String]? = nil
  ) -> Result<[String: JSONValue], ProtocolError> {
    let schema = ArgumentSchema.of(type).arguments.filter { names?.contains($0.name) ?? true }
    guard values.count <= schema.count else {
      let list = schema.map(\.name).joined(separator: ", ")
      return .failure(
        ProtocolError(
          .invalidArgument,
          "\(type.name) takes at most \(schema.count) argument(s)\(list.isEmpty ? "" : " (\(list))"); got \(values.count)"
        ))
    }
    var args: [String: JSONValue] = [:]
    for (index, value) in values.enumerated() {
      let argument = schema[index]
      if value == .nil { continue }
      guard let json = json(value, as: argument.type) else {
        return .failure(
          ProtocolError(
            .invalidArgument,
            "argument \(index + 1) (\(argument.name)) must be \(oscTypes(of: argument.type)), not '\(value.typeTag)'",
            field: argument.name))
      }
      args[argument.name] = json
    }
    return .success(args)
  }

  /// `value` as JSON of the schema's `type`, or nil when it does not fit.
  private static func json(_ value: OSCArgument, as type: String) -> JSONValue? {
    switch type {
    case "number": return value.number.flatMap { $0.isFinite ? .number($0) : nil }
    case "whole number": return value.number.flatMap { $0.isFinite && $0 == $0.rounded() ? .number($0) : nil }
    case "boolean": return value.number.map { .bool($0 != 0) }
    default:
      if case .string(let text) = value { return .string(text) }
      return nil
    }
  }

  /// The OSC types an argument of the schema's `type` takes, in words.
  static func oscTypes(of type: String) -> String {
    switch type {
    case "number": "a number (i, f, h or d)"
    case "whole number": "a whole number (i or h)"
    case "boolean": "T, F or a number (0: false)"
    case "string": "a text (s)"
    default: type.hasPrefix("\"") ? "one of \(type) as a text (s)" : "a text (s)"
    }
  }
}
