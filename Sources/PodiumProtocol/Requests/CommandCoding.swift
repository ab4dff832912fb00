import PodiumCore

/// How commands are written on the wire: a name, a room and an `args` object. Derived
/// from the declarations in `CommandCatalogue`: nothing here names a command.
public enum CommandCoding {
  /// The command a wire name, room and arguments describe.
  ///
  /// Checked in this order: the name, unknown arguments (the first in alphabetical order),
  /// then each argument's presence and type.
  public static func decode(name: String, room: String, args: [String: JSONValue]) throws -> RoomCommand {
    guard let type = CommandCatalogue.named(name) else {
      throw ProtocolError(
        .unknownCommand, "unknown command '\(name)' (known: \(CommandCatalogue.names.joined(separator: ", ")))",
        field: "command")
    }
    let context = "the args of '\(name)'"
    let known = type.argumentNames
    if let unknown = args.keys.sorted().first(where: { !known.contains($0) }) {
      let list = known.isEmpty ? "none" : known.sorted().joined(separator: ", ")
      throw ProtocolError(
        .invalidArgument, "unknown field '\(unknown)' in \(context) (known: \(list))", field: unknown)
    }
    return RoomCommand(try decode(type, args: args, context: context), in: room)
  }

  private static func decode<C: Command>(_ type: C.Type, args: [String: JSONValue], context: String) throws -> C {
    try C(from: ArgumentDecoder(value: .object(args), argument: nil, context: context))
  }

  /// The wire name, room and arguments of a command.
  public static func encode(_ command: RoomCommand) -> (name: String, room: String, args: [String: JSONValue]) {
    // Encoding a command's own arguments cannot fail: they hold only strings, numbers and flags.
    let args = (try? JSONValue(encoding: command.command))?.object ?? [:]
    return (command.name, command.room, args)
  }
}
