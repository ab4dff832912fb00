import Foundation
import NIOCore
import OSC
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumWeb

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Runs the settings' automations: on each change of the daemon's state and each of its
/// seconds, finds the rooms' occurrences (`Occurrence`) not yet in the log, writes them down
/// (to disk, before anything is done), then does the actions of every automation that answers
/// each, in order, logging each action's outcome. What the state already holds when the log
/// is begun is written down as a baseline and not fired.
actor AutomationRunner {
  /// How long an HTTP action may take.
  static let httpTimeout: TimeInterval = 5

  private let automations: [Automation]
  private let server: ControlServer
  private let osc: OSCPort?
  private let log: AutomationLog
  private var baselinePending: Bool
  private let overtimeMinutes: Set<Int>
  private let lateMinutes: Set<Int>

  /// Refuses automations that send OSC when the bridge has no OSC port.
  init(automations: [Automation], server: ControlServer, osc: OSCPort?, logPath: String) throws {
    if osc == nil,
      let sender = automations.first(where: { $0.actions.contains { if case .osc = $0 { true } else { false } } })
    {
      throw AutomationsError(
        description: "automation '\(sender.name)' sends OSC, but the bridge has none (osc.listen is empty)")
    }
    self.automations = automations
    self.server = server
    self.osc = osc
    log = try AutomationLog(path: logPath)
    baselinePending = log.isNew
    overtimeMinutes = Set(
      automations.compactMap { if case .overtime(let minutes) = $0.trigger { minutes } else { nil } })
    lateMinutes = Set(automations.compactMap { if case .late(let minutes) = $0.trigger { minutes } else { nil } })
  }

  /// Watches until cancelled.
  func run() async {
    let client = server.client
    let server = server
    ControlLog.info("\(automations.count) automation(s); their log is \(log.path)")
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        for await _ in client.views() { await self.evaluate() }
      }
      group.addTask {
        while !Task.isCancelled {
          await server.sleepToDaemonSecond()
          await self.evaluate()
        }
      }
      await group.waitForAll()
    }
  }

  /// Writes down the occurrences not yet in the log and sets off the automations answering them.
  private func evaluate() {
    let view = server.client.view
    guard view.connected, let conference = view.conference else { return }
    var found: [(Occurrence, RoomVariables)] = []
    for room in conference.rooms {
      guard let status = view.rooms[room.id], let variables = server.variables(of: room.id) else { continue }
      let occurrences = Occurrence.all(
        in: status, variables: variables, overtimeMinutes: overtimeMinutes, lateMinutes: lateMinutes)
      found += occurrences.filter { !log.occurrences.contains($0.id) }.map { ($0, variables) }
    }
    let now = server.client.daemonNow
    if baselinePending {
      baselinePending = false
      log.append(
        found.map { AutomationRecord(occurrence: $0.0.id, seq: view.seq, at: now, baseline: true) }, durably: true)
      if !found.isEmpty {
        ControlLog.info("automations: \(found.count) occurrence(s) were there before the log began; not fired")
      }
      return
    }
    guard !found.isEmpty else { return }
    log.append(found.map { AutomationRecord(occurrence: $0.0.id, seq: view.seq, at: now) }, durably: true)
    for (occurrence, variables) in found {
      for automation in automations where automation.answers(occurrence) {
        Task { await self.act(automation, on: occurrence, variables: variables, seq: view.seq) }
      }
    }
  }

  /// Does `automation`'s actions in order, logging each outcome.
  private func act(_ automation: Automation, on occurrence: Occurrence, variables: RoomVariables, seq: Int64) async {
    let values = Self.texts(of: variables)
    for action in automation.actions {
      let (name, ok, outcome) = await perform(action, in: occurrence.room, values: values)
      let line = "automation '\(automation.name)' on \(occurrence.id): \(name): \(outcome)"
      ok ? ControlLog.info(line) : ControlLog.warning(line)
      log.append([
        AutomationRecord(
          occurrence: occurrence.id, seq: seq, at: server.client.daemonNow, automation: automation.name, action: name,
          ok: ok, outcome: outcome)
      ])
    }
  }

  /// Does one action: its name in the log, whether it worked, what came of it.
  private func perform(
    _ action: Automation.Action, in room: String, values: [String: String]
  ) async -> (
    String, Bool, String
  ) {
    switch action {
    case .command(let name, let args, let target):
      let (result, _) = await server.send(
        name, args: args.mapValues { Self.fill($0, values) }, room: target ?? room, as: ControlCaller(holder: nil))
      if let ack = result.ack { return ("command \(name)", true, "ok, seq \(ack.seq)") }
      return ("command \(name)", false, "\(result.error?.code.rawValue ?? "?"): \(result.error?.message ?? "")")
    case .osc(let target, let address, let arguments):
      let message = OSCMessage(address, arguments.map { Self.oscArgument(Self.fill($0, values)) })
      do {
        let parsed = try ListenAddress(target)
        let destination = try SocketAddress.makeAddressResolvingHost(parsed.host, port: parsed.port)
        try osc?.send(message, to: destination)
        return ("osc \(target) \(address)", true, "sent \(message.typeTags)")
      } catch {
        return ("osc \(target) \(address)", false, "\(error)")
      }
    case .http(let method, let url, let body):
      guard let location = URL(string: url) else { return ("http \(method) \(url)", false, "not a URL") }
      var request = URLRequest(url: location, timeoutInterval: Self.httpTimeout)
      request.httpMethod = method
      if let body {
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? PodiumJSON.encoder().encode(Self.fill(body, values))
      }
      do {
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return ("http \(method) \(url)", (200..<300).contains(status), "HTTP \(status)")
      } catch {
        return ("http \(method) \(url)", false, "\(error.localizedDescription)")
      }
    }
  }

  /// The room's variables as texts, for `{name}` in an action's texts.
  static func texts(of variables: RoomVariables) -> [String: String] {
    guard let members = (try? JSONValue(encoding: variables))?.object else { return [:] }
    return members.compactMapValues { value in
      switch value {
      case .string(let text): text
      case .number(let number): number == number.rounded() ? String(Int64(number)) : String(number)
      case .bool(let flag): flag ? "true" : "false"
      default: nil
      }
    }
  }

  /// `value` with each `{name}` in its texts replaced by the variable of that name.
  static func fill(_ value: JSONValue, _ values: [String: String]) -> JSONValue {
    switch value {
    case .string(let text):
      guard text.contains("{") else { return value }
      var filled = text
      for (name, replacement) in values where filled.contains("{\(name)}") {
        filled = filled.replacingOccurrences(of: "{\(name)}", with: replacement)
      }
      return .string(filled)
    case .array(let items): return .array(items.map { fill($0, values) })
    case .object(let members): return .object(members.mapValues { fill($0, values) })
    default: return value
    }
  }

  private static func oscArgument(_ value: JSONValue) -> OSCArgument {
    switch value {
    case .number(let number):
      number == number.rounded() && abs(number) < Double(Int32.max) ? .int32(Int32(number)) : .float(Float(number))
    case .bool(let flag): .bool(flag)
    case .string(let text): .string(text)
    default: .nil
    }
  }
}

/// Automations the bridge cannot run as configured.
struct AutomationsError: Error, CustomStringConvertible {
  let description: String
}
