import ArgumentParser
import Foundation
import PodiumConfig
import PodiumCore
import ZeroMQ

/// `podium keys`: CURVE keys for the daemon, plugins and operators.
struct Keys: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Manage the CURVE keys of ZeroMQ links (see docs/OPERATIONS.md).",
    subcommands: [NewKey.self])
}

/// `podium keys new NAME --role ROLE`: a new key pair, authorized for its role.
struct NewKey: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a key pair: podiumd (--role daemon) first, then one per plugin or operator.",
    discussion: """
      Writes NAME.key (secret, mode 0600) and NAME.pub in the keys directory and adds the public key to \
      authorized.yaml with its role: operator (every command), display (none), booth (its --booth room/booth \
      only, or all booths without --booth), qa (questions of its --room rooms, or all rooms). Then reload \
      podiumd (SIGHUP); to revoke a key, remove its line from authorized.yaml and reload.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The keys directory (default: security.keys of the settings).") var dir: String?
  @Option(help: "daemon, operator, display, booth or qa.") var role: String
  @Option(help: "For a booth key: a booth it may act for, as room/booth (repeatable).") var booth: [String] = []
  @Option(help: "For a qa key: a room whose questions it may handle (repeatable).") var room: [String] = []
  @Argument(help: "The key's name, e.g. display or booth-plenary-en (podiumd for the daemon).") var name: String

  func run() throws {
    let resolved = try PodiumSettings.load(file: settings)
    guard let directory = dir ?? resolved.keysDirectory else {
      throw ValidationError("give --dir or set security.keys in the settings")
    }
    guard name.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil else {
      throw ValidationError("a key name is 1–64 letters, digits, '-' or '_'")
    }
    let peer: Peer?
    if role == "daemon" {
      guard name == KeyStore.daemonKey else { throw ValidationError("the daemon's key is named \(KeyStore.daemonKey)") }
      peer = nil
    } else if let known = Peer.Role(rawValue: role) {
      peer = Peer(name: name, role: known, booths: booth, rooms: room)
    } else {
      throw ValidationError(
        "unknown role '\(role)' (daemon, \(Peer.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let pair = try CurveKeyPair.generate()
    do {
      try KeyStore(directory: directory).add(peer, name: name, publicKey: pair.publicKey, secretKey: pair.secretKey)
    } catch {
      printError("\(error)")
      throw ExitCode(1)
    }
    print("wrote \(directory)/\(name).key (secret) and \(name).pub; public key \(pair.publicKey)")
  }
}
