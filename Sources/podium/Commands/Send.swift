import ArgumentParser
import Foundation
import PodiumCore
import PodiumProtocol

/// `podium send ROOM COMMAND key=value…`: any command of docs/PROTOCOL.md §6, booth commands included.
struct Send: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Send any command by its protocol name: podium send plenary takeMic booth=en interpreter=helen-ashby",
    discussion: """
      Arguments are key=value; a value that reads as JSON (true, 300, null, ["a","b"]) is sent as such, \
      anything else as a string. Commands: \(CommandCatalogue.names.joined(separator: ", ")).
      """)

  @OptionGroup var options: RoomCommandOptions
  @Argument(help: "The command's protocol name, e.g. takeMic.") var command: String
  @Argument(help: "Arguments as key=value.") var arguments: [String] = []

  func run() async throws {
    var args: [String: JSONValue] = [:]
    for argument in arguments {
      guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
        throw ValidationError("arguments are key=value (got '\(argument)')")
      }
      let text = String(argument[argument.index(after: equals)...])
      args[String(argument[..<equals])] =
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }
    do {
      try await options.send(try CommandCoding.decode(name: command, room: options.room, args: args))
    } catch let error as ProtocolError {
      printError(error.message)
      throw ExitCode(2)
    }
  }
}
