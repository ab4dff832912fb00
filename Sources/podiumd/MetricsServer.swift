import Foundation
import Hummingbird
import Logging
import Metrics
import PodiumDaemon
import Prometheus
import Synchronization

/// The daemon's HTTP side: `/metrics` (Prometheus text format) and `/health` (200 while the
/// main loop turns, 503 once it has stalled: the same loop that pings systemd's watchdog).
enum MetricsServer {
  /// Bootstraps swift-metrics with a Prometheus registry; returns the registry to export.
  static func bootstrap() -> PrometheusCollectorRegistry {
    let registry = PrometheusCollectorRegistry()
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.defaultDurationHistogramBuckets = [
      .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
      .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
    ]
    MetricsSystem.bootstrap(factory)
    return registry
  }

  /// Serves on `host:port` in the background; returns the bound address once listening.
  static func start(host: String, port: Int, registry: PrometheusCollectorRegistry, health: DaemonHealth) -> String {
    let router = Router()
    router.get("/metrics") { _, _ -> Response in
      var response = Response(
        status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
      response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
      return response
    }
    router.get("/health") { _, _ -> Response in
      let report = health.report()
      let body = try JSONEncoder().encode(report)
      var response = Response(
        status: report.healthy ? .ok : .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
      response.headers[.contentType] = "application/json"
      return response
    }
    let bound = BoundAddress()
    let application = Application(
      router: router,
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "podiumd"),
      onServerRunning: { channel in bound.set("http://\(host):\(channel.localAddress?.port ?? port)") },
      logger: Logger(label: "podiumd.metrics", factory: { _ in SwiftLogNoOpLogHandler() }))
    Task.detached { try? await application.runService() }
    return bound.wait()
  }

  /// The address the server bound, handed from its event loop to the starting thread.
  private final class BoundAddress: Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let value = Mutex("")

    func set(_ address: String) {
      value.withLock { $0 = address }
      ready.signal()
    }

    func wait() -> String {
      _ = ready.wait(timeout: .now() + 10)
      return value.withLock { $0 }
    }
  }
}
