import Foundation
import Hummingbird
import PodiumConfig
import PodiumWeb

/// Who may moderate: the holders of the moderator token, sent as a cookie (set when a
/// moderator opens their private link) or as `Authorization: Bearer`.
struct ModeratorGate: Sendable {
  static let cookie = "podium_moderator"
  let token: String
  /// Moderators logged in with a token of `web-tokens.yaml` (role moderator or operator).
  let access: WebAccess

  /// Whether `request` carries the token, or a moderator's login.
  func admits(_ request: Request) -> Bool {
    if !access.isOpen, access.admits(request, [.moderator]) { return true }
    if let presented = Cookies.value(Self.cookie, in: request), WebTokens.same(presented, token) { return true }
    if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
      return WebTokens.same(String(header.dropFirst("Bearer ".count)), token)
    }
    return false
  }
}
