import ArgumentParser
import Dispatch
import Foundation
import PodiumConfig
import PodiumCore
import PodiumDaemon
import PodiumStore
import ZeroMQ

/// `podiumd`: the daemon that holds the conference's live state.
@main
struct Podiumd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podiumd",
    abstract: "Holds the live state of every room; commands in over ZeroMQ, sequenced updates out.",
    discussion: """
      Defaults work on one machine with no flags. Settings come from, in order: built-in defaults, \
      the settings file (--settings, PODIUM_SETTINGS, ./config/podium.yaml, /etc/podium/podium.yaml), \
      environment variables, then these flags. Environment variables:

      """
        + PodiumSettings.environmentVariables.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
        .joined(separator: "\n"))

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "Conference file to load (YAML).") var conference: String?
  @Option(help: "Directory for the event log.") var dataDir: String?
  @Option(help: "Command endpoint to bind (ROUTER), e.g. tcp://127.0.0.1:5570; port * picks one.")
  var commandEndpoint: String?
  @Option(help: "Update endpoint to bind (PUB), e.g. tcp://127.0.0.1:5571.") var updateEndpoint: String?
  @Option(help: "host:port for /metrics and /health (default 127.0.0.1:5572; port 0 picks one; empty: off).")
  var metricsAddress: String?
  @Flag(help: "Shift the schedule so its first session began ten minutes ago (demo).") var live = false
  @Flag(help: "Log debug lines.") var verbose = false

  func run() throws {
    var resolved = try PodiumSettings.load(file: settings)
    if let conference { resolved.conferenceFile = conference }
    if let dataDir { resolved.dataDirectory = dataDir }
    if let commandEndpoint { resolved.commandEndpoint = commandEndpoint }
    if let updateEndpoint { resolved.updateEndpoint = updateEndpoint }
    if let metricsAddress { resolved.metricsAddress = metricsAddress }

    let logger = DaemonLogger(verbose: verbose)
    var loaded: Conference?
    var shift: TimeInterval = 0
    if let file = resolved.conferenceFile {
      do {
        let original = try ConferenceFile.load(path: file)
        shift = live ? original.liveShift(at: Date()) : 0
        loaded = original.shifted(by: shift)
      } catch {
        throw ValidationError("\(error)")
      }
    } else {
      logger.warning("no conference file given (--conference, PODIUM_CONFERENCE or the settings file)")
    }
    try FileManager.default.createDirectory(atPath: resolved.dataDirectory, withIntermediateDirectories: true)
    let lock: DataDirectoryLock
    do {
      lock = try DataDirectoryLock(directory: resolved.dataDirectory)
    } catch {
      logger.error("\(error)")
      throw ExitCode.failure
    }
    let security = try Self.security(resolved, logger: logger)
    let registry = MetricsServer.bootstrap()
    let daemon = try Daemon(
      logPath: "\(resolved.dataDirectory)/podium.sqlite", conference: loaded,
      commandEndpoint: resolved.commandEndpoint, updateEndpoint: resolved.updateEndpoint, security: security,
      checkpointInterval: resolved.checkpointInterval, logger: logger)

    let control = daemon.control
    for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { signal(number, SIG_IGN) }
    var signals = [SIGINT, SIGTERM].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { control.stop() }
      source.resume()
      return source
    }
    // SIGHUP: read the keys and the conference file again; bring changes into force.
    let reload = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
    let file = resolved.conferenceFile
    reload.setEventHandler {
      if let keys = resolved.keysDirectory {
        do {
          control.reloadKeys(try KeyStore(directory: keys).authorized())
        } catch {
          logger.error("SIGHUP: \(error); the keys in force stay")
        }
      }
      guard let file else { return logger.warning("SIGHUP: no conference file to reload") }
      do {
        control.reload(try ConferenceFile.load(path: file).shifted(by: shift))
      } catch {
        logger.error("SIGHUP: \(error); the programme in force stays")
      }
    }
    reload.resume()
    signals.append(reload)
    var metrics = ""
    if !resolved.metricsAddress.isEmpty {
      let parts = resolved.metricsAddress.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, let port = Int(parts[1]) else {
        throw ValidationError("the metrics address must be host:port (got \(resolved.metricsAddress))")
      }
      let address = MetricsServer.start(
        host: String(parts[0]), port: port, registry: registry, health: control.health)
      guard !address.isEmpty else {
        logger.error("cannot serve metrics on \(resolved.metricsAddress) (in use?)")
        throw ExitCode.failure
      }
      metrics = " metrics=\(address)"
    }
    print(
      "podiumd ready commands=\(daemon.commandEndpoint) updates=\(daemon.updateEndpoint)\(metrics) seq=\(daemon.lastSequence)"
    )
    fflush(nil)  // every stream (the `stdout` global is not concurrency-safe)
    daemon.run()
    signals.forEach { $0.cancel() }
    withExtendedLifetime(lock) {}
  }

  /// CURVE from the keys directory; without one, plaintext if configured so, on loopback endpoints only.
  static func security(_ settings: PodiumSettings, logger: DaemonLogger) throws -> DaemonSecurity? {
    guard let directory = settings.keysDirectory else {
      guard settings.plaintextLoopback else {
        throw ValidationError(
          "no keys directory: set security.keys (CURVE, see docs/OPERATIONS.md), or security.plaintext: loopback "
            + "(PODIUM_PLAINTEXT=loopback) for development on one machine")
      }
      for endpoint in [settings.commandEndpoint, settings.updateEndpoint] where !Loopback.isEndpoint(endpoint) {
        throw ValidationError(
          "\(endpoint) is not a loopback endpoint: set security.keys (CURVE) to listen beyond this machine")
      }
      logger.info("plaintext ZeroMQ on loopback (development); set security.keys for CURVE")
      return nil
    }
    guard Context.has("curve") else { throw ValidationError("this libzmq has no CURVE support") }
    let store = KeyStore(directory: directory)
    let own = try store.key(KeyStore.daemonKey)
    return DaemonSecurity(
      keys: CurveKeyPair(publicKey: own.publicKey, secretKey: own.secretKey ?? ""), peers: try store.authorized())
  }

}
