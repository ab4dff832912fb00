import ArgumentParser
import Foundation
import PodiumConfig

struct CheckConfig: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-config", abstract: "Validate a conference file; errors name the line.")
  @Argument(help: "The conference file (YAML).") var file: String

  func run() throws {
    do {
      let conference = try ConferenceFile.load(path: file)
      let booths = conference.rooms.reduce(0) { $0 + $1.booths.count }
      print(
        "\(file): ok — \(conference.name): \(conference.rooms.count) rooms, \(conference.sessions.count) sessions, "
          + "\(booths) booths, languages \(conference.languages.map(\.code).joined(separator: "/")), \(conference.timeZone)"
      )
      for warning in conference.speakingTimeWarnings { printError("warning: \(warning)") }
    } catch {
      printError("\(error)")
      throw ExitCode(1)
    }
  }
}
