import Yams

/// A YAML node that remembers its file and position, so every error can say where.
struct YAMLNode {
  let node: Node
  let file: String
  /// The path to the node, e.g. `sessions[3].start`, for messages.
  let path: String

  /// Parses `text`; syntax errors carry their line and column.
  static func parse(_ text: String, file: String) throws -> YAMLNode {
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ConfigError(file: file, line: 1, column: 1, message: "the file is empty")
      }
      return YAMLNode(node: node, file: file, path: "")
    } catch let error as YamlError {
      throw Self.configError(error, file: file)
    }
  }

  func error(_ message: String) -> ConfigError {
    ConfigError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
  }

  private var described: String { path.isEmpty ? "the document" : "'\(path)'" }

  /// The members of a mapping, refusing keys not in `allowed`.
  func mapping(allowed: Set<String>) throws -> [String: YAMLNode] {
    guard let mapping = node.mapping else { throw error("\(described) must be a mapping of keys to values") }
    var members: [String: YAMLNode] = [:]
    for (key, value) in mapping {
      let name = key.string ?? ""
      let keyNode = YAMLNode(node: key, file: file, path: path)
      guard allowed.contains(name) else {
        throw keyNode.error(
          "unknown key '\(name)' in \(described) (known: \(allowed.sorted().joined(separator: ", ")))")
      }
      guard members[name] == nil else { throw keyNode.error("key '\(name)' appears twice in \(described)") }
      members[name] = YAMLNode(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)")
    }
    return members
  }

  /// The items of a sequence.
  func sequence() throws -> [YAMLNode] {
    guard let sequence = node.sequence else { throw error("\(described) must be a list") }
    return sequence.enumerated().map { YAMLNode(node: $1, file: file, path: "\(path)[\($0)]") }
  }

  /// The text of a scalar.
  func string() throws -> String {
    guard let scalar = node.scalar else { throw error("\(described) must be a text value") }
    return scalar.string
  }

  /// The text of a scalar, refusing an empty one.
  func nonEmptyString() throws -> String {
    let text = try string().trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { throw error("\(described) must not be empty") }
    return text
  }

  /// The text of a scalar exactly as written (a title keeps its spaces), refusing a blank one.
  func nonBlankText() throws -> String {
    let text = try string()
    guard !text.allSatisfy({ $0.isWhitespace || $0.isNewline }) else { throw error("\(described) must not be empty") }
    return text
  }

  /// The longest identifier accepted.
  static let identifierLimit = 64

  /// An identifier: 1 to 64 lower-case letters, digits, dashes or underscores. The message names
  /// the rule broken: empty, too long (by how much), or the first character not allowed.
  func identifier() throws -> String {
    let text = try string()
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
    let rule = "an identifier of 1 to \(Self.identifierLimit) lower-case letters, digits, '-' or '_'"
    if text.isEmpty { throw error("\(described) must be \(rule) (got an empty one)") }
    if text.count > Self.identifierLimit {
      throw error("\(described) must be \(rule): '\(text)' has \(text.count) characters")
    }
    if let (offset, character) = text.enumerated().first(where: { !allowed.contains($0.element) }) {
      throw error(
        "\(described) must be \(rule): '\(text)' has '\(character)' at character \(offset + 1)")
    }
    return text
  }

  func int() throws -> Int {
    guard let value = node.int else { throw error("\(described) must be a whole number") }
    return value
  }

  func double() throws -> Double {
    guard let value = node.float ?? node.int.map(Double.init) else { throw error("\(described) must be a number") }
    return value
  }

  func bool() throws -> Bool {
    guard let value = node.bool else { throw error("\(described) must be true or false") }
    return value
  }

  /// A mapping of language codes to texts, e.g. `{ar: …, en: …}`.
  func translations() throws -> [String: String] {
    guard let mapping = node.mapping else { throw error("\(described) must map language codes to texts") }
    var result: [String: String] = [:]
    for (key, value) in mapping {
      result[key.string ?? ""] = try YAMLNode(node: value, file: file, path: path).string()
    }
    return result
  }

  private static func configError(_ error: YamlError, file: String) -> ConfigError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let prefix = context.map { "\($0.text) " } ?? ""
      return ConfigError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(prefix)\(problem)")
    default:
      return ConfigError(file: file, message: "YAML: \(error)")
    }
  }
}
