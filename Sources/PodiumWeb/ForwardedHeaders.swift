import Hummingbird
import PodiumConfig

/// Behind a trusted reverse proxy: the request's client is the one the proxy names in
/// `X-Forwarded-For` (rate limits count against it, not the proxy), and it came over TLS when
/// the proxy says `X-Forwarded-Proto: https` — then every cookie the plugin sets is `Secure`.
/// From any other peer both headers are ignored. First in every plugin's middleware.
public struct ForwardedHeaders: RouterMiddleware {
  public typealias Context = PluginRequestContext

  public let proxies: TrustedProxies

  public init(proxies: TrustedProxies) {
    self.proxies = proxies
  }

  public func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard !proxies.isEmpty, let peer = context.remoteAddress?.ipAddress, proxies.contains(peer) else {
      return try await next(request, context)
    }
    var context = context
    context.forwardedClient = proxies.client(
      peer: peer, forwardedFor: request.headers[values: .xForwardedFor].joined(separator: ","))
    let scheme = request.headers[.xForwardedProto]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces)
    context.isSecure = scheme?.lowercased() == "https"
    var response = try await next(request, context)
    if context.isSecure {
      let cookies = response.headers[values: .setCookie]
      response.headers[values: .setCookie] = cookies.map { $0.contains("; Secure") ? $0 : $0 + "; Secure" }
    }
    return response
  }
}
