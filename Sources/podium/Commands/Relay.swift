import ArgumentParser
import Dispatch
import Foundation
import PodiumConfig
import ZeroMQ

/// `podium relay`: fans the daemon's updates out to another building or network.
struct Relay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Relay the daemon's updates (libzmq's XSUB/XPUB proxy) for screens on another network.",
    discussion: """
      Screens subscribe to the relay's --bind endpoint instead of the daemon's update endpoint; they still \
      ask the daemon itself for snapshots (late join and resync work as usual: the relay passes heartbeats \
      and sequence numbers through untouched). With keys it is CURVE on both sides: a client of the daemon \
      upstream, a server with the same key downstream (its followers set security.relay to this key's name; \
      every key of authorized.yaml may follow). Stops on SIGINT or SIGTERM.
      """)

  @Option(help: "Settings file (YAML).") var settings: String?
  @Option(help: "The daemon's update endpoint (default from settings).") var upstream: String?
  @Option(help: "Where screens subscribe, e.g. tcp://0.0.0.0:5581 (port * picks one).") var bind: String

  /// The ZAP domain of the relay's downstream socket.
  static let domain = "podium-relay"

  func run() throws {
    let resolved = try PodiumSettings.load(file: settings)
    let context = try Context()
    let fromDaemon = try Socket(context, .xsubscriber)
    let toScreens = try Socket(context, .xpublisher)
    let control = try Socket(context, .pair)
    let stopper = try Socket(context, .pair)
    try toScreens.setSendHighWaterMark(10_000)
    // The link to the daemon may be cut for a while: notice within seconds, take it up again at once.
    try fromDaemon.setHeartbeat(intervalMilliseconds: 1000, timeoutMilliseconds: 3000)
    try fromDaemon.setConnectTimeout(milliseconds: 1000)
    try fromDaemon.setReconnectInterval(milliseconds: 100, maximum: 2000)
    var authenticator: ZAPHandler?
    if let keys = try resolved.clientCredentials(), let directory = resolved.keysDirectory {
      // Upstream the relay is a CURVE client with its own key (role display). Downstream it is
      // a CURVE server with the same key, letting in every key of authorized.yaml: plugins
      // follow it with `security.relay` naming this key.
      let pair = CurveKeyPair(publicKey: keys.publicKey, secretKey: keys.secretKey)
      try fromDaemon.makeCurveClient(pair, serverKey: keys.serverKey)
      let peers = try KeyStore(directory: directory).authorized()
      let handler = ZAPHandler(context: context) { key, domain in
        domain == Self.domain && peers[key] != nil ? key : nil
      }
      try handler.start()  // before the server socket binds, or libzmq lets every key in
      authenticator = handler
      try toScreens.makeCurveServer(pair, domain: Self.domain)
    }
    try fromDaemon.connect(upstream ?? resolved.updateEndpoint)
    try toScreens.bind(bind)
    try control.bind("inproc://podium-relay-control")
    try stopper.connect("inproc://podium-relay-control")
    for number in [SIGINT, SIGTERM] { signal(number, SIG_IGN) }
    // The stopper socket is used on the signal queue only, after this thread handed it over.
    let stop = { _ = try? stopper.send([Array("TERMINATE".utf8)], wait: true) }
    let sources = [SIGINT, SIGTERM].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler(handler: stop)
      source.resume()
      return source
    }
    print("podium relay ready updates=\(toScreens.lastEndpoint) upstream=\(upstream ?? resolved.updateEndpoint)")
    fflush(nil)  // every stream (the `stdout` global is not concurrency-safe)
    try Proxy.run(frontend: fromDaemon, backend: toScreens, control: control)
    sources.forEach { $0.cancel() }
    for socket in [fromDaemon, toScreens, control, stopper] { socket.close() }
    authenticator?.stop()
  }
}
