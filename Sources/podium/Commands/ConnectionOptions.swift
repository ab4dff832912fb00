import ArgumentParser
import Foundation
import PodiumConfig
import PodiumCore
import PodiumPluginKit

/// Where the daemon is, shared by every subcommand that talks to it.
struct ConnectionOptions: ParsableArguments {
  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's command endpoint (default from settings, else tcp://127.0.0.1:5570).")
  var endpoint: String?

  func resolvedSettings() throws -> PodiumSettings {
    do {
      var resolved = try PodiumSettings.load(file: settings)
      if let endpoint { resolved.commandEndpoint = endpoint }
      return resolved
    } catch {
      throw ValidationError("\(error)")
    }
  }

  /// A started client that only sends requests.
  func client(updates: Bool = false) throws -> PodiumClient {
    let resolved = try resolvedSettings()
    let client = PodiumClient(
      options: ClientOptions(
        commandEndpoint: resolved.commandEndpoint, updateEndpoint: updates ? resolved.updateEndpoint : nil,
        requestTimeout: 1, attempts: 3, clientName: "podium", curve: try resolved.curveKeys()))
    client.start()
    return client
  }
}

/// Options of every room command.
struct RoomCommandOptions: ParsableArguments {
  @OptionGroup var connection: ConnectionOptions
  @Option(help: "Command id (retrying with the same id applies the command once).") var id: String?
  @Argument(help: "The room's id, e.g. plenary.") var room: String

  /// Sends the command to the room and prints the acknowledgement, or exits with the daemon's reason.
  func send(_ command: some Command) async throws { try await send(RoomCommand(command, in: room)) }

  /// Sends any command (its room included) and prints the acknowledgement.
  func send(_ command: RoomCommand) async throws {
    let client = try connection.client()
    defer { client.stop() }
    do {
      let ack = try await client.send(command, id: id ?? UUID().uuidString.lowercased())
      let events = ack.events.map { "\($0.type) #\($0.seq)" }.joined(separator: ", ")
      print(ack.events.isEmpty ? "ok: nothing to change" : "ok: \(events)\(ack.duplicate ? " (already applied)" : "")")
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data("podium: \(message)\n".utf8))
}
