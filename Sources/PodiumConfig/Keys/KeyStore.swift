import Foundation
import PodiumCore

/// A keys directory (`security.keys` in the settings): every program's `NAME.key`, the
/// daemon's `podiumd.pub`, and `authorized.yaml`, the keys podiumd lets in with their roles.
public struct KeyStore: Sendable {
  /// The daemon's key name.
  public static let daemonKey = "podiumd"
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// Reads `NAME.key` (with the secret), or `NAME.pub` with `secret: false`.
  public func key(_ name: String, secret: Bool = true) throws -> KeyFile {
    let path = "\(directory)/\(name).\(secret ? "key" : "pub")"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ConfigError(file: path, message: "cannot read the key (create it with `podium keys new \(name) --role …`)")
    }
    let members = try YAMLNode.parse(text, file: path).mapping(allowed: ["name", "role", "public", "secret"])
    let entry = try Self.entry(members, file: path)
    let secretKey = try members["secret"].map { try $0.nonEmptyString() }
    if secret, secretKey == nil { throw ConfigError(file: path, message: "the key has no 'secret'") }
    return KeyFile(peer: entry.peer, publicKey: entry.publicKey, secretKey: secretKey)
  }

  /// The keys podiumd accepts, by public key.
  public func authorized() throws -> [String: Peer] {
    let path = "\(directory)/authorized.yaml"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
    var peers: [String: Peer] = [:]
    let content = text.split(separator: "\n").contains {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !$0.isEmpty
    }
    guard content else { return [:] }
    for node in try YAMLNode.parse(text, file: path).sequence() {
      let members = try node.mapping(allowed: ["name", "role", "public", "booths", "rooms"])
      let entry = try Self.entry(members, file: path)
      var peer = entry.peer
      peer.booths = try members["booths"].map { try $0.sequence().map { try $0.nonEmptyString() } } ?? []
      peer.rooms = try members["rooms"].map { try $0.sequence().map { try $0.nonEmptyString() } } ?? []
      peers[entry.publicKey] = peer
    }
    return peers
  }

  /// Writes a new key's files and, for every role but the daemon's, adds it to `authorized.yaml`.
  public func add(_ peer: Peer?, name: String, publicKey: String, secretKey: String) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let keyPath = "\(directory)/\(name).key"
    guard !manager.fileExists(atPath: keyPath) else {
      throw ConfigError(file: keyPath, message: "a key with this name exists; remove it first to replace it")
    }
    let role = peer?.role.rawValue ?? "daemon"
    let head = "name: \(name)\nrole: \(role)\npublic: \"\(publicKey)\"\n"
    guard
      manager.createFile(
        atPath: keyPath, contents: Data((head + "secret: \"\(secretKey)\"\n").utf8),
        attributes: [.posixPermissions: 0o600])
    else { throw ConfigError(file: keyPath, message: "cannot write the key") }
    _ = manager.createFile(
      atPath: "\(directory)/\(name).pub", contents: Data(head.utf8),
      attributes: [
        .posixPermissions: 0o644
      ])
    guard let peer else { return }
    let authorizedPath = "\(directory)/authorized.yaml"
    var text =
      (try? String(contentsOfFile: authorizedPath, encoding: .utf8))
      ?? "# Keys podiumd lets in, with what they may do (podium keys new adds to it; remove a line to revoke).\n"
    var line = "- {name: \(name), role: \(role), public: \"\(publicKey)\""
    if !peer.booths.isEmpty { line += ", booths: [\(peer.booths.joined(separator: ", "))]" }
    if !peer.rooms.isEmpty { line += ", rooms: [\(peer.rooms.joined(separator: ", "))]" }
    text += line + "}\n"
    try text.write(toFile: authorizedPath, atomically: true, encoding: .utf8)
  }

  private static func entry(_ members: [String: YAMLNode], file: String) throws -> (peer: Peer, publicKey: String) {
    guard let nameNode = members["name"], let roleNode = members["role"], let keyNode = members["public"] else {
      throw ConfigError(file: file, message: "a key needs 'name', 'role' and 'public'")
    }
    let roleText = try roleNode.nonEmptyString()
    let role: Peer.Role
    if roleText == "daemon" {
      role = .operator  // the daemon's own key is never authorized as a peer
    } else if let known = Peer.Role(rawValue: roleText) {
      role = known
    } else {
      throw roleNode.error(
        "unknown role '\(roleText)' (roles: \(Peer.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let publicKey = try keyNode.nonEmptyString()
    guard publicKey.utf8.count == 40 else { throw keyNode.error("a public key is 40 characters of Z85") }
    return (Peer(name: try nameNode.nonEmptyString(), role: role), publicKey)
  }
}
