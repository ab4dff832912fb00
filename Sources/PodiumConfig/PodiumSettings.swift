import Foundation

/// Where things are: endpoints, data directory, conference file, web addresses.
///
/// The same rules hold for the daemon, the CLI and every plugin: built-in
/// defaults that work on one machine, then a settings file, then environment
/// variables, then command-line flags (applied by each program).
public struct PodiumSettings: Equatable, Sendable {
  /// The daemon's command endpoint (ROUTER), e.g. `tcp://127.0.0.1:5570`.
  public var commandEndpoint = "tcp://127.0.0.1:5570"
  /// The daemon's update endpoint (PUB), e.g. `tcp://127.0.0.1:5571`.
  public var updateEndpoint = "tcp://127.0.0.1:5571"
  /// Where the daemon keeps its event log.
  public var dataDirectory: String
  /// The conference file the daemon loads, if any.
  public var conferenceFile: String?
  /// Address the room-display plugin's web server listens on.
  public var displayAddress = "127.0.0.1:8471"
  /// Address the booth-timer plugin's web server listens on.
  public var boothAddress = "127.0.0.1:8472"
  /// Address of the daemon's metrics and health endpoint (HTTP; empty: none).
  public var metricsAddress = "127.0.0.1:5572"
  /// Address the Q&A moderation plugin's web server listens on.
  public var questionsAddress = "127.0.0.1:8473"
  /// Address the control bridge's HTTP API and WebSocket listen on (stage crews' hardware).
  public var controlAddress = "127.0.0.1:8474"
  /// Address the control bridge takes OSC on (UDP `host:port`; empty: no OSC).
  public var oscAddress = "127.0.0.1:8475"
  /// The hosts whose OSC the control bridge obeys: OSC has no authentication, so a source
  /// address is all there is to go by. This machine only by default.
  public var oscAllowed = IPNetworks.loopback
  /// Where the control bridge sends rooms' variables as OSC (`host:port`), on each change and
  /// once a second.
  public var oscTargets: [String] = []
  /// The control bridge's rules: when something happens in a room, what to do (docs/CONTROL.md).
  public var automations: [Automation] = []
  /// Where people reach each web plugin (on the LAN, behind a proxy): QR codes and printed
  /// links use these, and each plugin accepts changes from its own (`public.display`…).
  public var publicOrigins: [WebPlugin: PublicOrigin] = [:]
  /// The reverse proxies in front of the plugins whose `X-Forwarded-For` and `-Proto` count.
  public var trustedProxies = TrustedProxies()
  /// The keys directory (see `KeyStore`): when set, ZeroMQ links use CURVE with the keys there.
  public var keysDirectory: String?
  /// Plaintext ZeroMQ on loopback endpoints, without keys: development on one machine, only
  /// when said explicitly (`security.plaintext: loopback`, `PODIUM_PLAINTEXT=loopback`).
  public var plaintextLoopback = false
  /// This program's key in `keysDirectory` (clients; the daemon uses `podiumd`).
  public var keyName: String?
  /// The key of the `podium relay` whose update endpoint this program follows, when it
  /// follows one over CURVE (its commands still go to the daemon).
  public var relayKeyName: String?
  /// Events between two checkpoints of the daemon's state in its log (`Checkpoint`).
  public var checkpointInterval = 10_000
  /// The settings file these came from, if one was read.
  public var settingsFile: String?

  /// The built-in defaults for an environment.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    dataDirectory = Self.defaultDataDirectory(environment)
  }

  /// Every key a settings file may have, dotted (`security.plaintext`); docs/PROTOCOL.md §2 lists them.
  public static let fileKeys = [
    "endpoints.commands", "endpoints.updates", "dataDirectory", "conference", "web.display", "web.booths",
    "web.questions", "web.control", "web.metrics", "web.trustedProxies", "public.display", "public.booths",
    "public.questions", "public.control", "security.keys", "security.key", "security.relay", "security.plaintext",
    "checkpoints.every", "osc.listen", "osc.allow", "osc.targets", "automations",
  ]

  /// The keys allowed at the top of a settings file (`section` nil) or in one of its sections.
  static func keys(in section: String?) -> Set<String> {
    Set(
      fileKeys.compactMap { key in
        let parts = key.split(separator: ".").map(String.init)
        guard let section else { return parts[0] }
        return parts.count == 2 && parts[0] == section ? parts[1] : nil
      })
  }

  /// Environment variables that override the settings file, and what each sets.
  public static let environmentVariables = [
    "PODIUM_SETTINGS": "settings file to read",
    "PODIUM_COMMAND_ENDPOINT": "daemon command endpoint (ROUTER)",
    "PODIUM_UPDATE_ENDPOINT": "daemon update endpoint (PUB)",
    "PODIUM_DATA_DIR": "the daemon's data directory",
    "PODIUM_CONFERENCE": "conference file",
    "PODIUM_DISPLAY_ADDRESS": "room-display web address (host:port)",
    "PODIUM_BOOTH_ADDRESS": "booth-timer web address (host:port)",
    "PODIUM_QA_ADDRESS": "Q&A moderation web address (host:port)",
    "PODIUM_CONTROL_ADDRESS": "control bridge web address (host:port)",
    "PODIUM_TRUSTED_PROXIES": "reverse proxies whose X-Forwarded-For/-Proto the plugins believe (comma-separated)",
    "PODIUM_DISPLAY_URL": "where people reach the room display (https://screens.venue.example)",
    "PODIUM_BOOTH_URL": "where people reach the booth consoles",
    "PODIUM_QA_URL": "where people reach the audience's question pages (the door's QR code)",
    "PODIUM_CONTROL_URL": "where control surfaces reach the control bridge",
    "PODIUM_KEYS_DIR": "keys directory: CURVE on every ZeroMQ link",
    "PODIUM_KEY": "this program's key name in the keys directory",
    "PODIUM_RELAY_KEY": "the key of the podium relay this program takes its updates from (CURVE)",
    "PODIUM_PLAINTEXT": "loopback: plaintext ZeroMQ on loopback endpoints (development)",
    "PODIUM_METRICS_ADDRESS": "the daemon's /metrics and /health address (host:port; empty: off)",
    "PODIUM_CHECKPOINT_EVERY": "events between two checkpoints of the daemon's state (default 10000)",
    "PODIUM_OSC_ADDRESS": "the control bridge's OSC address (UDP host:port; empty: off)",
    "PODIUM_OSC_ALLOW": "hosts whose OSC the control bridge obeys (addresses or networks, comma-separated)",
    "PODIUM_OSC_TARGETS": "where the control bridge sends OSC (host:port, comma-separated)",
  ]

  /// Defaults, then the settings file (`PODIUM_SETTINGS`, else `config/podium.yaml`
  /// under the working directory, else `/etc/podium/podium.yaml`), then the environment.
  public static func load(
    file explicitFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> PodiumSettings {
    var settings = PodiumSettings(environment: environment)
    let candidates = [explicitFile, environment["PODIUM_SETTINGS"]].compactMap { $0 }
    if let file = candidates.first {
      try settings.read(file: file)
    } else if let file = ["config/podium.yaml", "/etc/podium/podium.yaml"].first(where: {
      FileManager.default.fileExists(atPath: $0)
    }) {
      try settings.read(file: file)
    }
    if let value = environment["PODIUM_COMMAND_ENDPOINT"] { settings.commandEndpoint = value }
    if let value = environment["PODIUM_UPDATE_ENDPOINT"] { settings.updateEndpoint = value }
    if let value = environment["PODIUM_DATA_DIR"] { settings.dataDirectory = value }
    if let value = environment["PODIUM_CONFERENCE"] { settings.conferenceFile = value }
    if let value = environment["PODIUM_DISPLAY_ADDRESS"] { settings.displayAddress = value }
    if let value = environment["PODIUM_BOOTH_ADDRESS"] { settings.boothAddress = value }
    if let value = environment["PODIUM_QA_ADDRESS"] { settings.questionsAddress = value }
    if let value = environment["PODIUM_CONTROL_ADDRESS"] { settings.controlAddress = value }
    if let value = environment["PODIUM_OSC_ADDRESS"] { settings.oscAddress = value }
    if let value = environment["PODIUM_OSC_ALLOW"] {
      do {
        settings.oscAllowed = try IPNetworks(Self.list(value))
      } catch {
        throw ConfigError(file: "PODIUM_OSC_ALLOW", message: "\(error)")
      }
    }
    if let value = environment["PODIUM_OSC_TARGETS"] {
      do {
        settings.oscTargets = try Self.list(value).map(Self.checkedTarget)
      } catch {
        throw ConfigError(file: "PODIUM_OSC_TARGETS", message: "\(error)")
      }
    }
    if let value = environment["PODIUM_TRUSTED_PROXIES"] {
      do {
        settings.trustedProxies = try TrustedProxies(Self.list(value))
      } catch {
        throw ConfigError(file: "PODIUM_TRUSTED_PROXIES", message: "\(error)")
      }
    }
    for plugin in WebPlugin.allCases {
      guard let value = environment[plugin.urlVariable] else { continue }
      do {
        settings.publicOrigins[plugin] = value.isEmpty ? nil : try PublicOrigin(value)
      } catch {
        throw ConfigError(file: plugin.urlVariable, message: "\(error)")
      }
    }
    if let value = environment["PODIUM_METRICS_ADDRESS"] { settings.metricsAddress = value }
    if let value = environment["PODIUM_KEYS_DIR"] { settings.keysDirectory = value.isEmpty ? nil : value }
    if let value = environment["PODIUM_KEY"] { settings.keyName = value.isEmpty ? nil : value }
    if let value = environment["PODIUM_RELAY_KEY"] { settings.relayKeyName = value.isEmpty ? nil : value }
    if let value = environment["PODIUM_PLAINTEXT"] { settings.plaintextLoopback = value == "loopback" }
    if let value = environment["PODIUM_CHECKPOINT_EVERY"] {
      guard let interval = Int(value), interval > 0 else {
        throw ConfigError(file: "PODIUM_CHECKPOINT_EVERY", message: "must be a whole number of events above 0")
      }
      settings.checkpointInterval = interval
    }
    return settings
  }

  /// Reads a settings file; relative paths in it are relative to the file.
  mutating func read(file: String) throws {
    guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: file, message: "cannot read the settings file")
    }
    let base = URL(fileURLWithPath: file).deletingLastPathComponent()
    func resolve(_ path: String) -> String {
      path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path
    }
    let root = try YAMLNode.parse(text, file: file).mapping(allowed: Self.keys(in: nil))
    if let node = root["security"] {
      let security = try node.mapping(allowed: Self.keys(in: "security"))
      if let value = security["plaintext"] {
        guard try value.nonEmptyString() == "loopback" else {
          throw value.error("plaintext can only be 'loopback' (development on one machine)")
        }
        plaintextLoopback = true
      }
      if let value = security["keys"] { keysDirectory = resolve(try value.nonEmptyString()) }
      if let value = security["key"] { keyName = try value.nonEmptyString() }
      if let value = security["relay"] { relayKeyName = try value.nonEmptyString() }
    }
    if let node = root["conference"] { conferenceFile = resolve(try node.nonEmptyString()) }
    if let node = root["dataDirectory"] { dataDirectory = resolve(try node.nonEmptyString()) }
    if let node = root["endpoints"] {
      let endpoints = try node.mapping(allowed: Self.keys(in: "endpoints"))
      if let value = endpoints["commands"] { commandEndpoint = try value.nonEmptyString() }
      if let value = endpoints["updates"] { updateEndpoint = try value.nonEmptyString() }
    }
    if let node = root["web"] {
      let web = try node.mapping(allowed: Self.keys(in: "web"))
      if let value = web["metrics"] { metricsAddress = try value.string() }
      if let value = web["display"] { displayAddress = try value.nonEmptyString() }
      if let value = web["booths"] { boothAddress = try value.nonEmptyString() }
      if let value = web["questions"] { questionsAddress = try value.nonEmptyString() }
      if let value = web["control"] { controlAddress = try value.nonEmptyString() }
      if let value = web["trustedProxies"] {
        let entries = try value.sequence()
        do {
          trustedProxies = try TrustedProxies(try entries.map { try $0.nonEmptyString() })
        } catch let invalid as TrustedProxies.Invalid {
          throw value.error(invalid.description)
        }
      }
    }
    if let node = root["public"] {
      let origins = try node.mapping(allowed: Self.keys(in: "public"))
      for plugin in WebPlugin.allCases {
        guard let value = origins[plugin.rawValue] else { continue }
        do {
          publicOrigins[plugin] = try PublicOrigin(try value.nonEmptyString())
        } catch let invalid as PublicOrigin.Invalid {
          throw value.error(invalid.description)
        }
      }
    }
    if let node = root["osc"] {
      let osc = try node.mapping(allowed: Self.keys(in: "osc"))
      if let value = osc["listen"] { oscAddress = try value.string() }
      if let value = osc["allow"] {
        let entries = try value.sequence()
        do {
          oscAllowed = try IPNetworks(try entries.map { try $0.nonEmptyString() })
        } catch let invalid as IPNetworks.Invalid {
          throw value.error(invalid.description)
        }
      }
      if let value = osc["targets"] {
        oscTargets = try value.sequence().map { entry in
          do { return try Self.checkedTarget(try entry.nonEmptyString()) } catch let invalid as IPNetworks.Invalid {
            throw entry.error(invalid.description)
          }
        }
      }
    }
    if let node = root["automations"] { automations = try Automation.list(node) }
    if let node = root["checkpoints"] {
      let checkpoints = try node.mapping(allowed: Self.keys(in: "checkpoints"))
      if let value = checkpoints["every"] {
        guard case let interval = try value.int(), interval > 0 else {
          throw value.error("every must be a whole number of events above 0")
        }
        checkpointInterval = interval
      }
    }
    settingsFile = file
  }

  /// The entries of a comma-separated list, trimmed, without empty ones.
  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// `target` if it is `host:port` with a port of 1…65535.
  static func checkedTarget(_ target: String) throws -> String {
    guard let colon = target.lastIndex(of: ":"), colon != target.startIndex,
      let port = Int(target[target.index(after: colon)...]), (1...65535).contains(port)
    else { throw IPNetworks.Invalid(description: "'\(target)' is not host:port (10.0.0.20:53000)") }
    return target
  }

  /// `$STATE_DIRECTORY` under systemd, else `$XDG_STATE_HOME/podium`, else `~/.local/state/podium`.
  static func defaultDataDirectory(_ environment: [String: String]) -> String {
    if let state = environment["STATE_DIRECTORY"], !state.isEmpty {
      return state.split(separator: ":").first.map(String.init) ?? state
    }
    if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return "\(xdg)/podium" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return "\(home)/.local/state/podium"
  }

  /// This client's CURVE credentials when the settings name a keys directory and a key: its
  /// key pair, the daemon's public key, and the public key its update endpoint presents (a
  /// relay's, `security.relay`, else the daemon's); nil for a plaintext link.
  public func clientCredentials() throws -> (
    publicKey: String, secretKey: String, serverKey: String, updateServerKey: String
  )? {
    guard let keysDirectory else { return nil }
    guard let keyName else {
      throw ConfigError(
        file: settingsFile ?? "settings", message: "a keys directory is set but no key name (security.key, PODIUM_KEY)")
    }
    let store = KeyStore(directory: keysDirectory)
    let own = try store.key(keyName)
    let server = try store.key(KeyStore.daemonKey, secret: false)
    let updates = try relayKeyName.map { try store.key($0, secret: false).publicKey } ?? server.publicKey
    return (own.publicKey, own.secretKey ?? "", server.publicKey, updates)
  }
}
