import Crypto
import Foundation

/// The login tokens of the web pages that act (`web-tokens.yaml` in the keys directory, and
/// the booth tablets the chief interpreter pairs, `booth-tablets.yaml`): per name a role, for a
/// booth tablet its booth, and the SHA-256 of its token. Tokens themselves are never stored:
/// `podium tokens new` prints one once. Issuing a name again replaces its token (rotation).
public struct WebTokens: Sendable {
  /// Who a token lets in.
  public enum Role: String, Sendable, CaseIterable {
    /// Operators: control pages, screens, everything.
    case `operator`
    /// The chief interpreter: the booths' chief view and its commands.
    case chief
    /// Q&A moderators: the moderators' console.
    case moderator
    /// One booth's tablet: that booth's console and its commands only.
    case booth
  }

  /// One token holder.
  public struct Holder: Equatable, Sendable {
    public var name: String
    public var role: Role
    /// Hex SHA-256 of the token.
    public var digest: String
    /// For a booth tablet, its booth: `ROOM/BOOTH`.
    public var booth: String?
    /// The one room this holder acts in (`room: plenary`), or nil for every room. A booth
    /// tablet's is its booth's room.
    public var room: String?

    public init(name: String, role: Role, digest: String, booth: String? = nil, room: String? = nil) {
      self.name = name
      self.role = role
      self.digest = digest
      self.booth = booth
      self.room = room ?? booth.flatMap { $0.split(separator: "/").first.map(String.init) }
    }

    /// Whether this holder may act in room `room`.
    public func acts(in room: String) -> Bool { self.room.map { $0 == room } ?? true }
  }

  public let path: String

  /// The tokens file of a keys directory.
  public init(directory: String) {
    path = "\(directory)/web-tokens.yaml"
  }

  /// The tokens file at `path`.
  public init(path: String) {
    self.path = path
  }

  /// Everyone with a token; empty when the file does not exist.
  public func holders() throws -> [Holder] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    let lines = text.split(separator: "\n").filter {
      !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    guard !lines.isEmpty else { return [] }
    return try YAMLNode.parse(text, file: path).sequence().map { node in
      let members = try node.mapping(allowed: ["name", "role", "booth", "room", "sha256"])
      guard let name = members["name"], let role = members["role"], let digest = members["sha256"] else {
        throw node.error("a token needs 'name', 'role' and 'sha256'")
      }
      let roleText = try role.nonEmptyString()
      guard let known = Role(rawValue: roleText) else { throw role.error("unknown role '\(roleText)'") }
      let booth = try members["booth"].map { try $0.nonEmptyString() }
      guard (known == .booth) == (booth != nil) else {
        throw node.error("a booth tablet's token, and only one, names its booth (booth: ROOM/BOOTH)")
      }
      let room = try members["room"].map { try $0.nonEmptyString() }
      guard booth == nil || room == nil else {
        throw node.error("a booth tablet's room is its booth's: give 'booth: ROOM/BOOTH' without 'room'")
      }
      return Holder(
        name: try name.nonEmptyString(), role: known, digest: try digest.nonEmptyString(), booth: booth, room: room)
    }
  }

  /// Issues a new random token for `name` (replacing any earlier one: rotation) and returns it;
  /// a booth tablet's names its booth, `ROOM/BOOTH`; `room` limits any other to one room.
  public func issue(name: String, role: Role, booth: String? = nil, room: String? = nil) throws -> String {
    var generator = SystemRandomNumberGenerator()
    let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    var holders = try holders().filter { $0.name != name }
    holders.append(Holder(name: name, role: role, digest: Self.digest(token), booth: booth, room: room))
    try write(holders)
    return token
  }

  /// Removes `name`'s token, ending its sessions; whether it had one.
  @discardableResult
  public func revoke(name: String) throws -> Bool {
    let holders = try holders()
    guard holders.contains(where: { $0.name == name }) else { return false }
    try write(holders.filter { $0.name != name })
    return true
  }

  /// Replaces the file, atomically.
  private func write(_ holders: [Holder]) throws {
    let text =
      "# Web login tokens (SHA-256 only). `podium tokens new NAME --role ROLE` issues or rotates one.\n"
      + holders.map { holder in
        let scope = holder.booth.map { ", booth: \($0)" } ?? holder.room.map { ", room: \($0)" } ?? ""
        return "- {name: \(holder.name), role: \(holder.role.rawValue)\(scope), sha256: \(holder.digest)}\n"
      }.joined()
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    guard
      FileManager.default.createFile(
        atPath: path + ".new", contents: Data(text.utf8),
        attributes: [
          .posixPermissions: 0o640
        ])
    else { throw ConfigError(file: path, message: "cannot write the tokens file") }
    guard rename(path + ".new", path) == 0 else {
      throw ConfigError(file: path, message: "cannot replace the tokens file: \(String(cString: strerror(errno)))")
    }
  }

  /// The console page of booth `ROOM/BOOTH` (a tablet's `booth`): `/rooms/ROOM/booths/BOOTH`.
  public static func consolePath(ofBooth booth: String) -> String? {
    let parts = booth.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return "/rooms/\(parts[0])/booths/\(parts[1])"
  }

  /// Hex SHA-256.
  public static func digest(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// Whether two secrets are equal, in time independent of where they differ.
  public static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    return x.count == y.count && zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
