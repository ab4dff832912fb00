import Foundation
import Hummingbird

/// Reading and writing the few cookies plugins use.
public enum Cookies {
  /// The value of cookie `name` in `request`, if sent.
  public static func value(_ name: String, in request: Request) -> String? {
    guard let header = request.headers[.cookie] else { return nil }
    for pair in header.split(separator: ";") {
      let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2, parts[0] == name { return parts[1] }
    }
    return nil
  }

  /// A `Set-Cookie` value: HttpOnly, the given SameSite policy, for the whole site.
  public static func setting(
    _ name: String, _ value: String, sameSite: String = "Lax", maxAge: Int = 365 * 24 * 3600
  ) -> String {
    "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=\(sameSite)"
  }

  /// A random opaque value (128 bits, URL-safe).
  public static func randomValue() -> String {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return String((0..<22).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
  }
}
