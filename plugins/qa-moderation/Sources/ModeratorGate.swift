import Foundation
import Hummingbird
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
    if !access.isOpen, access.holder(of: request).map({ $0.role == .moderator || $0.role == .operator }) == true {
      return true
    }
    if let presented = Cookies.value(Self.cookie, in: request), Self.same(presented, token) { return true }
    if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
      return Self.same(String(header.dropFirst("Bearer ".count)), token)
    }
    return false
  }

  /// Compares in time independent of where the texts differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
