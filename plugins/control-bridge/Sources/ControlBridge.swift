import ArgumentParser
import Foundation
import HummingbirdWebSocket
import PodiumConfig
import PodiumProtocol
import PodiumWeb

/// `podium-control`: the control bridge for stage crews' hardware and show software.
@main
struct ControlBridge: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium-control",
    abstract:
      "Serves the control bridge: rooms' variables and commands over HTTP, WebSocket and OSC, and automations (docs/CONTROL.md).",
    discussion: "Listens on web.control of the settings (default 127.0.0.1:8474).")

  @OptionGroup var options: PluginOptions
  @Option(help: "UDP host:port to take OSC on (port 0 picks one; empty: no OSC). Default: the settings' osc.listen.")
  var oscAddress: String?
  @Option(help: "A host or network whose OSC is obeyed (repeatable). Default: the settings' osc.allow (this machine).")
  var oscAllow: [String] = []
  @Option(help: "host:port to send rooms' variables to as OSC (repeatable). Default: the settings' osc.targets.")
  var oscTarget: [String] = []
  @Option(help: "The automations' log (JSON Lines). Default: control-automations.jsonl in the data directory.")
  var automationLog: String?
  @Flag(help: "Print the HTTP API's OpenAPI document (docs/control-api.json) and exit.") var openapi = false

  func run() async throws {
    if openapi {
      print(ControlAPIDocument.text, terminator: "")
      return
    }
    let shell = try WebShell(
      options, name: "podium-control", plugin: .control, prefixes: [Topic.conference, "room/"],
      installedPages: Bundle.module.resourceURL!.appendingPathComponent("Public"), pages: ControlServer.pages)
    let server = ControlServer(shell: shell)
    let osc = try await oscPort(shell.settings, server: server)
    var alongside: [@Sendable () async -> Void] = osc.map { port in [{ await port.run() }] } ?? []
    let automations = shell.settings.automations
    if !automations.isEmpty {
      let log = automationLog ?? "\(shell.settings.dataDirectory)/control-automations.jsonl"
      let runner: AutomationRunner
      do {
        runner = try AutomationRunner(automations: automations, server: server, osc: osc, logPath: log)
      } catch {
        throw ValidationError("automations: \(error)")
      }
      alongside.append { await runner.run() }
    }
    try await shell.serve(
      server.router(), server: .http1WebSocketUpgrade(webSocketRouter: LiveVariables.router(server)),
      alongside: alongside,
      ready: { _ in osc.map { "podium-control osc \($0.url)" } })
  }

  /// The OSC socket the flags and settings ask for, bound; nil when OSC is off.
  private func oscPort(_ settings: PodiumSettings, server: ControlServer) async throws -> OSCPort? {
    let text = oscAddress ?? settings.oscAddress
    guard !text.isEmpty else { return nil }
    let address: ListenAddress
    let allowed: IPNetworks
    do {
      address = try ListenAddress(text)
      allowed = oscAllow.isEmpty ? settings.oscAllowed : try IPNetworks(oscAllow)
    } catch {
      throw ValidationError("OSC: \(error)")
    }
    let targets = oscTarget.isEmpty ? settings.oscTargets : oscTarget
    do {
      return try await OSCPort(address: address, server: server, allowed: allowed, targets: targets)
    } catch {
      throw ValidationError("OSC: cannot listen on \(text) or reach \(targets.joined(separator: ", ")): \(error)")
    }
  }
}
