import Foundation
import Hummingbird
import PodiumProtocol

/// Caps every request per client address (pages, scripts, live feeds, API), so one client
/// cannot flood a plugin. Generous by default: a whole venue may share one address.
public struct RequestRateLimit: RouterMiddleware {
  public typealias Context = PluginRequestContext
  /// Requests per address per minute unless configured.
  public static let standardRate = 3000

  private let limiter: RateLimiter

  public init(perMinute rate: Int = Self.standardRate) {
    limiter = RateLimiter(rate: rate)
  }

  public func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let wait = limiter.take(context.peer) else { return try await next(request, context) }
    let seconds = Int(wait.rounded(.up))
    var response = Responses.failure(
      ProtocolError(.rateLimited, "too many requests; try again in \(seconds) s"))
    response.headers[.retryAfter] = String(seconds)
    return response
  }
}
