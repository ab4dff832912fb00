import Crypto
import Foundation

/// The login tokens of the web pages that act (`web-tokens.yaml` in the keys directory):
/// per name a role and the SHA-256 of its token. Tokens themselves are never stored: `podium
/// tokens new` prints one once. Issuing a name again replaces its token (rotation).
public struct WebTokens: Sendable {
  /// Who a token lets in.
  public enum Role: String, Sendable, CaseIterable {
    /// Operators: control pages, screens, everything.
    case `operator`
    /// The chief interpreter: the booths' chief view and its commands.
    case chief
    /// Q&A moderators: the moderators' console.
    case moderator
  }

  /// One token holder.
  public struct Holder: Equatable, Sendable {
    public var name: String
    public var role: Role
    /// Hex SHA-256 of the token.
    public var digest: String
  }

  public let path: String

  /// The tokens file of a keys directory.
  public init(directory: String) {
    path = "\(directory)/web-tokens.yaml"
  }

  /// Everyone with a token; empty when the file does not exist.
  public func holders() throws -> [Holder] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    let lines = text.split(separator: "\n").filter {
      !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    guard !lines.isEmpty else { return [] }
    return try YAMLNode.parse(text, file: path).sequence().map { node in
      let members = try node.mapping(allowed: ["name", "role", "sha256"])
      guard let name = members["name"], let role = members["role"], let digest = members["sha256"] else {
        throw node.error("a token needs 'name', 'role' and 'sha256'")
      }
      let roleText = try role.nonEmptyString()
      guard let known = Role(rawValue: roleText) else { throw role.error("unknown role '\(roleText)'") }
      return Holder(name: try name.nonEmptyString(), role: known, digest: try digest.nonEmptyString())
    }
  }

  /// Issues a new random token for `name` (replacing any earlier one) and returns it.
  public func issue(name: String, role: Role) throws -> String {
    var generator = SystemRandomNumberGenerator()
    let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    var holders = try holders().filter { $0.name != name }
    holders.append(Holder(name: name, role: role, digest: Self.digest(token)))
    let text =
      "# Web login tokens (SHA-256 only). `podium tokens new NAME --role ROLE` issues or rotates one.\n"
      + holders.map { "- {name: \($0.name), role: \($0.role.rawValue), sha256: \($0.digest)}\n" }.joined()
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
    return token
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
