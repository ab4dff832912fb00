import ArgumentParser
import Foundation
import PodiumConfig

/// `podium tokens`: login tokens of the web pages that act.
struct Tokens: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Manage the web pages' login tokens (see docs/OPERATIONS.md).",
    subcommands: [NewToken.self, RevokeToken.self])
}

/// `podium tokens new NAME --role ROLE`: issues (or rotates) a login token.
struct NewToken: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Issue a login token (printed once; only its SHA-256 is kept). Again for the same NAME: rotation.",
    discussion: """
      Roles: operator (control pages, screens, every page), chief (the booths' chief interpreter view), \
      moderator (the Q&A console), booth (one booth's tablet: --booth ROOM/BOOTH; prints its pairing link). \
      --room ROOM limits any other token to one room (a control surface of one room's crew). \
      Plugins read web-tokens.yaml in the keys directory when it changes, so a new or rotated token works at \
      once and a replaced one stops working, sessions included.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The keys directory (default: security.keys of the settings).") var dir: String?
  @Option(help: "operator, chief, moderator or booth.") var role: String
  @Option(help: "For a booth tablet: its booth, ROOM/BOOTH (e.g. plenary/ar).") var booth: String?
  @Option(help: "The one room this token acts in (default: every room).") var room: String?
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
    let identifier = "[a-z0-9][a-z0-9_-]{0,63}"
    guard (known == .booth) == (booth != nil) else {
      throw ValidationError("--booth ROOM/BOOTH goes with --role booth, and only with it")
    }
    if let booth, booth.range(of: "^\(identifier)/\(identifier)$", options: .regularExpression) == nil {
      throw ValidationError("--booth is ROOM/BOOTH, two conference ids (e.g. plenary/ar); got '\(booth)'")
    }
    if let room, room.range(of: "^\(identifier)$", options: .regularExpression) == nil {
      throw ValidationError("--room is a conference room id (e.g. plenary); got '\(room)'")
    }
    guard booth == nil || room == nil else {
      throw ValidationError("a booth tablet's room is its booth's: give --booth ROOM/BOOTH without --room")
    }
    let token = try WebTokens(directory: directory).issue(name: name, role: known, booth: booth, room: room)
    print(token)
    let base = resolved.publicOrigins[.booths]?.description ?? "http://\(resolved.boothAddress)"
    let note =
      if let booth {
        "podium: pairing link for booth \(booth) (open it on the booth's tablet; not shown again):\n"
          + "\(base)/login?token=\(token)&next=\(WebTokens.consolePath(ofBooth: booth) ?? "/")\n"
      } else {
        "podium: token for \(name) (\(known.rawValue)); log in at <plugin>/login?token=… — it is not shown again\n"
      }
    FileHandle.standardError.write(Data(note.utf8))
  }
}

/// `podium tokens revoke NAME`: removes a login token; its sessions end at once.
struct RevokeToken: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Remove a login token (or a booth tablet's pairing); its sessions end at once.")

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The keys directory (default: security.keys of the settings).") var dir: String?
  @Option(help: "A booth tablets file instead (booth-tablets.yaml of podium-booth).") var tablets: String?
  @Argument(help: "Whose token, e.g. regie-plenary, or tablet-plenary-ar for a paired tablet.") var name: String

  func run() throws {
    let resolved = try PodiumSettings.load(file: settings)
    let file: WebTokens
    if let tablets {
      file = WebTokens(path: tablets)
    } else if let directory = dir ?? resolved.keysDirectory {
      file = WebTokens(directory: directory)
    } else {
      throw ValidationError("give --dir (or --tablets), or set security.keys in the settings")
    }
    guard try file.revoke(name: name) else { throw ValidationError("no token named '\(name)' in \(file.path)") }
    FileHandle.standardError.write(Data("podium: revoked \(name); its sessions have ended\n".utf8))
  }
}
