import Foundation
import HTTPTypes
import Hummingbird
import PodiumConfig
import PodiumProtocol

/// Lets a state change through only when it comes from the plugin's own pages: a `POST` (or
/// any method but `GET`, `HEAD`, `OPTIONS`) must be `application/json`, and a browser's
/// `Origin` must be the plugin's own (its `Host`, or one of its public origins); without an
/// `Origin`, `Sec-Fetch-Site` must say `same-origin` (or `none`: typed in the address bar).
/// A request with neither header comes from no browser (curl, a control surface) and cannot
/// be a page of another site riding a visitor's cookies: it is judged on its token alone.
///
/// A cross-site page can post `text/plain` or a form without asking; JSON makes the browser
/// ask first (a CORS preflight, never granted here), and the origin check is the second wall.
public struct SameOrigin<Context: RequestContext>: RouterMiddleware {
  /// Origins besides the request's own host that the plugin's pages are served from
  /// (`https://venue.example`).
  public let publicOrigins: Set<PublicOrigin>

  public init(publicOrigins: some Sequence<PublicOrigin> = []) {
    self.publicOrigins = Set(publicOrigins)
  }

  public func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
    if let refusal = refusal(of: request) {
      return Responses.failure(refusal)
    }
    return try await next(request, context)
  }

  /// Why `request` may not change anything; nil when it may.
  public func refusal(of request: Request) -> ProtocolError? {
    if let refusal = originRefusal(of: request) { return refusal }
    let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
    guard type?.lowercased() == "application/json" else {
      return ProtocolError(
        .unsupportedMediaType, "post the change as application/json (this one is \(type ?? "without a type"))")
    }
    return nil
  }

  /// Why `request` does not come from the plugin's own pages (a browser's `Origin`, else its
  /// `Sec-Fetch-Site`), or nil: also what a WebSocket upgrade must pass.
  public func originRefusal(of request: Request) -> ProtocolError? {
    let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]?.lowercased()
    if let origin = request.headers[HTTPField.Name("Origin")!] {
      guard admits(origin: origin, host: request.head.authority) else {
        let own = (request.head.authority.map { ["http(s)://\($0)"] } ?? []) + publicOrigins.map(\.description).sorted()
        return ProtocolError(
          .crossOrigin,
          "a change posted from \(origin) is refused: this API takes changes only from its own pages "
            + "(\(own.joined(separator: ", ")))")
      }
    } else if let site, !["same-origin", "none"].contains(site) {
      return ProtocolError(
        .crossOrigin, "a change from a \(site) page is refused: this API takes changes only from its own pages")
    }
    return nil
  }

  /// Whether a browser's `Origin` is this plugin's own: its host as the request names it, or a public origin.
  private func admits(origin: String, host: String?) -> Bool {
    guard let origin = try? PublicOrigin(origin) else { return false }  // `null`: a sandboxed or file page
    if publicOrigins.contains(origin) { return true }
    guard let host else { return false }
    let authority = String(origin.description.dropFirst("\(origin.scheme)://".count))  // IPv6 in brackets
    return authority == host.lowercased() || authority == Self.withoutDefaultPort(host.lowercased())
  }

  /// `host` without `:80` or `:443` (browsers leave the default port out of `Origin`).
  private static func withoutDefaultPort(_ host: String) -> String {
    for suffix in [":80", ":443"] where host.hasSuffix(suffix) { return String(host.dropLast(suffix.count)) }
    return host
  }
}
