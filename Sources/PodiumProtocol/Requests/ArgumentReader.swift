/// Reads the members of a JSON object strictly: types checked, unknown members refused.
import PodiumCore

struct ArgumentReader {
  let members: [String: JSONValue]
  let context: String

  init(_ members: [String: JSONValue], context: String, allowed: Set<String>) throws {
    self.members = members
    self.context = context
    if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
      let known = allowed.sorted().joined(separator: ", ")
      throw ProtocolError(
        .invalidArgument, "unknown field '\(unknown)' in \(context) (known: \(known.isEmpty ? "none" : known))",
        field: unknown)
    }
  }

  func string(_ name: String) throws -> String? {
    guard let value = members[name], value != .null else { return nil }
    guard let text = value.string else { throw typeError(name, "a string") }
    return text
  }

  func requiredString(_ name: String) throws -> String {
    guard let text = try string(name) else { throw missing(name) }
    return text
  }

  func number(_ name: String) throws -> Double? {
    guard let value = members[name], value != .null else { return nil }
    guard let number = value.number else { throw typeError(name, "a number") }
    return number
  }

  func requiredNumber(_ name: String) throws -> Double {
    guard let number = try number(name) else { throw missing(name) }
    return number
  }

  func bool(_ name: String) throws -> Bool? {
    guard let value = members[name], value != .null else { return nil }
    guard let flag = value.bool else { throw typeError(name, "true or false") }
    return flag
  }

  func strings(_ name: String) throws -> [String]? {
    guard let value = members[name], value != .null else { return nil }
    let texts = value.array?.compactMap(\.string)
    guard let texts, texts.count == value.array?.count else { throw typeError(name, "an array of strings") }
    return texts
  }

  func object(_ name: String) throws -> [String: JSONValue]? {
    guard let value = members[name], value != .null else { return nil }
    guard let object = value.object else { throw typeError(name, "an object") }
    return object
  }

  private func typeError(_ name: String, _ expected: String) -> ProtocolError {
    ProtocolError(.invalidArgument, "'\(name)' in \(context) must be \(expected)", field: name)
  }

  private func missing(_ name: String) -> ProtocolError {
    ProtocolError(.invalidArgument, "'\(name)' is required in \(context)", field: name)
  }
}
