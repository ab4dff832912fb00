import Crypto
import Foundation

extension WebTokens.Holder {
  /// A login session for this holder until `expires`, as a cookie's value: `NAME.EXPIRY.MAC`,
  /// the MAC an HMAC-SHA256 of name, role, booth, room and expiry keyed by the token's digest. No
  /// plugin keeps sessions: they survive a plugin's restart and hold on every instance behind
  /// a balancer, and rotating or revoking the token ends every session it opened.
  public func session(until expires: Date) -> String {
    let seconds = Int(expires.timeIntervalSince1970)
    return "\(name).\(seconds).\(signature(expires: seconds))"
  }

  /// The holder among `holders` that opened session `value`, if it is genuine (made with the
  /// holder's current token) and not expired at `now`. Two files may use one name (the crew's
  /// tokens and the chief's tablets): the signature tells them apart.
  public static func opening(session value: String, among holders: [Self], now: Date) -> Self? {
    let parts = value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3, let expires = Int(parts[1]), Double(expires) > now.timeIntervalSince1970 else {
      return nil
    }
    return holders.first { $0.name == parts[0] && WebTokens.same($0.signature(expires: expires), parts[2]) }
  }

  private func signature(expires: Int) -> String {
    let key = SymmetricKey(data: Data(digest.utf8))
    let message = Data("podium-session|\(name)|\(role.rawValue)|\(booth ?? "")|\(room ?? "")|\(expires)".utf8)
    return HMAC<SHA256>.authenticationCode(for: message, using: key).map { String(format: "%02x", $0) }.joined()
  }
}
