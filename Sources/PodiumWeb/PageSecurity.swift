import HTTPTypes
import Hummingbird

/// The security headers every plugin page carries: a Content-Security-Policy that
/// allows only the plugin's own scripts, styles, images and connections.
public enum PageSecurity {
  /// The policy: nothing inline, nothing from elsewhere.
  public static let contentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
    + "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'"

  /// Middleware adding the policy, `nosniff` and `no-referrer` to every response.
  public struct Middleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
      _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
      var response = try await next(request, context)
      response.headers[.contentSecurityPolicy] = PageSecurity.contentSecurityPolicy
      response.headers[.xContentTypeOptions] = "nosniff"
      response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
      return response
    }
  }
}
