import ArgumentParser
import Foundation
import PodiumConfig

/// `podium tokens`: login tokens of the web pages that act.
struct Tokens: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Manage the web pages' login tokens (see docs/OPERATIONS.md).", subcommands: [NewToken.self])
}

/// `podium tokens new NAME --role ROLE`: issues (or rotates) a login token.
struct NewToken: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Issue a login token (printed once; only its SHA-256 is kept). Again for the same NAME: rotation.",
    discussion: """
      Roles: operator (control pages, screens, every page), chief (the booths' chief interpreter view), \
      moderator (the Q&A console). Plugins read web-tokens.yaml in the keys directory on every login, so a \
      new or rotated token works at once and a replaced one stops working, sessions included.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The keys directory (default: security.keys of the settings).") var dir: String?
  @Option(help: "operator, chief or moderator.") var role: String
  @Argument(help: "Who holds it, e.g. regie-plenary or salma.") var name: String

  func run() throws {
    let resolved = try PodiumSettings.load(file: settings)
    guard let directory = dir ?? resolved.keysDirectory else {
      throw ValidationError("give --dir or set security.keys in the settings")
    }
    guard let known = WebTokens.Role(rawValue: role) else {
      throw ValidationError(
        "unknown role '\(role)' (\(WebTokens.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    guard name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil else {
      throw ValidationError("a name is 1–64 letters, digits, '-' or '_'")
    }
    let token = try WebTokens(directory: directory).issue(name: name, role: known)
    print(token)
    FileHandle.standardError.write(
      Data(
        "podium: token for \(name) (\(known.rawValue)); log in at <plugin>/login?token=… — it is not shown again\n".utf8
      ))
  }
}
