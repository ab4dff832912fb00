import Foundation
import PodiumCore
import Yams

extension Automation {
  /// What `on:` may say, with the trigger each means (parameters aside).
  static let triggerNames = [
    "sessionStarted", "sessionEnded", "phase", "overtime", "speakerAdvanced", "questionOnScreen", "slowDownRequested",
    "late",
  ]
  static let keys: Set<String> = ["name", "on", "phase", "minutes", "room", "session", "booth", "do"]
  static let actionKeys: Set<String> = ["command", "args", "room", "osc", "address", "http", "method", "body"]

  /// The automations of a settings file's `automations:` list; every error says its line.
  static func list(_ node: YAMLNode) throws -> [Automation] {
    try node.sequence().enumerated().map { index, item in try Automation(item, number: index + 1) }
  }

  init(_ node: YAMLNode, number: Int) throws {
    let members = try node.mapping(allowed: Self.keys)
    name = try members["name"]?.nonEmptyString() ?? "automation \(number)"
    guard let on = members["on"] else {
      throw node.error("an automation needs 'on:', what sets it off (\(Self.triggerNames.joined(separator: ", ")))")
    }
    let kind = try on.nonEmptyString()
    func parameter(_ key: String) throws -> YAMLNode {
      guard let value = members[key] else { throw on.error("'on: \(kind)' needs '\(key):'") }
      return value
    }
    for key in ["phase", "minutes"] where members[key] != nil {
      let wanted = key == "phase" ? ["phase"] : ["overtime", "late"]
      guard wanted.contains(kind) else {
        throw members[key]!.error(
          "'\(key):' goes with 'on: \(wanted.joined(separator: "' or 'on: "))', not 'on: \(kind)'")
      }
    }
    switch kind {
    case "sessionStarted": trigger = .sessionStarted
    case "sessionEnded": trigger = .sessionEnded
    case "phase":
      let value = try parameter("phase")
      guard let phase = Phase(rawValue: try value.nonEmptyString()), phase != .normal else {
        throw value.error("phase is warning, danger or overtime")
      }
      trigger = .phase(phase)
    case "overtime": trigger = .overtime(minutes: try Self.minutes(try parameter("minutes")))
    case "late": trigger = .late(minutes: try Self.minutes(try parameter("minutes")))
    case "speakerAdvanced": trigger = .speakerAdvanced
    case "questionOnScreen": trigger = .questionOnScreen
    case "slowDownRequested": trigger = .slowDown
    default:
      throw on.error("unknown trigger '\(kind)' (known: \(Self.triggerNames.joined(separator: ", ")))")
    }
    filter = Filter(
      room: try members["room"]?.identifier(), session: try members["session"]?.identifier(),
      booth: try members["booth"]?.identifier())
    if let booth = members["booth"], trigger != .slowDown {
      throw booth.error("'booth:' filters 'on: slowDownRequested' only (the booth that asked)")
    }
    guard let list = members["do"] else { throw node.error("an automation needs 'do:', a list of actions") }
    let items = try list.sequence()
    guard !items.isEmpty else { throw list.error("'do:' lists no action") }
    actions = try items.map(Self.action)
  }

  private static func minutes(_ node: YAMLNode) throws -> Int {
    let minutes = try node.int()
    guard (1...600).contains(minutes) else { throw node.error("minutes is a whole number from 1 to 600") }
    return minutes
  }

  private static func action(_ node: YAMLNode) throws -> Action {
    let members = try node.mapping(allowed: actionKeys)
    let kinds = ["command", "osc", "http"].filter { members[$0] != nil }
    guard kinds.count == 1 else {
      throw node.error("an action is one of 'command:', 'osc:' or 'http:' (this one has \(kinds.count))")
    }
    func refuseOthers(_ allowed: Set<String>) throws {
      if let (key, value) = members.first(where: { !allowed.contains($0.key) }) {
        throw value.error(
          "'\(key):' does not go with '\(kinds[0]):' (it takes \(allowed.sorted().joined(separator: ", ")))")
      }
    }
    switch kinds[0] {
    case "command":
      try refuseOthers(["command", "args", "room"])
      let nameNode = members["command"]!
      let name = try nameNode.nonEmptyString()
      guard let type = CommandCatalogue.named(name) else {
        throw nameNode.error("unknown command '\(name)' (docs/PROTOCOL.md §6 lists them)")
      }
      guard type.sender != .audience else {
        throw nameNode.error("'\(name)' is the audience's; an automation sends the crew's commands")
      }
      let args = try members["args"]?.json().object ?? [:]
      if let argsNode = members["args"] {
        guard try argsNode.json().object != nil else { throw argsNode.error("args is a mapping of names to values") }
        if let unknown = args.keys.sorted().first(where: { !type.argumentNames.contains($0) }) {
          throw argsNode.error(
            "'\(name)' has no argument '\(unknown)' (it takes: \(type.argumentNames.joined(separator: ", ")))")
        }
      }
      return .command(name: name, args: args, room: try members["room"]?.identifier())
    case "osc":
      try refuseOthers(["osc", "address", "args"])
      let targetNode = members["osc"]!
      let target = try targetNode.nonEmptyString()
      do { _ = try PodiumSettings.checkedTarget(target) } catch { throw targetNode.error("osc: \(error)") }
      guard let addressNode = members["address"] else { throw node.error("an OSC action needs 'address:' (/cue/1/go)") }
      let address = try addressNode.nonEmptyString()
      guard address.hasPrefix("/"), !address.contains(where: { " #,".contains($0) }) else {
        throw addressNode.error("'\(address)' is not an OSC address: it starts with '/', without spaces, '#' or ','")
      }
      let arguments = try members["args"].map { value in
        try value.sequence().map { item in
          let json = try item.json()
          switch json {
          case .string, .number, .bool: return json
          default: throw item.error("an OSC argument is a text, a number, true or false")
          }
        }
      }
      return .osc(target: target, address: address, arguments: arguments ?? [])
    default:
      try refuseOthers(["http", "method", "body"])
      let urlNode = members["http"]!
      let url = try urlNode.nonEmptyString()
      guard let parts = URLComponents(string: url), ["http", "https"].contains(parts.scheme ?? ""), parts.host != nil
      else { throw urlNode.error("'\(url)' is not an http:// or https:// URL") }
      let method = try members["method"]?.nonEmptyString().uppercased() ?? "POST"
      guard ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method) else {
        throw members["method"]!.error("method is GET, POST, PUT, PATCH or DELETE")
      }
      return .http(method: method, url: url, body: try members["body"]?.json())
    }
  }
}

extension YAMLNode {
  /// The node as JSON: mappings, lists, texts, numbers, true/false, null.
  func json() throws -> JSONValue {
    switch node {
    case .mapping(let mapping):
      var members: [String: JSONValue] = [:]
      for (key, value) in mapping {
        let name = key.string ?? ""
        members[name] = try YAMLNode(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)").json()
      }
      return .object(members)
    case .sequence:
      return .array(try sequence().map { try $0.json() })
    case .scalar(let scalar):
      if scalar.style == .plain {
        if node.null != nil { return .null }
        if let flag = node.bool { return .bool(flag) }
        if let number = node.int { return .number(Double(number)) }
        if let number = node.float { return .number(number) }
      }
      return .string(scalar.string)
    case .alias:
      throw error("aliases are not read here; write the value out")
    }
  }
}
