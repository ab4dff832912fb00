import Hummingbird

extension Cookie {
  /// A cookie as Podium's plugins set them: for the whole site, HttpOnly, with `sameSite`, for
  /// `maxAge` seconds (a year unless said). Behind TLS `ForwardedHeaders` adds `Secure`.
  public static func podium(
    _ name: String, _ value: String, sameSite: SameSite = .lax, maxAge: Int = 365 * 24 * 3600
  ) -> Cookie {
    Cookie(name: name, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: sameSite)
  }

  /// A random opaque value (about 130 bits, URL- and cookie-safe).
  public static func randomValue() -> String {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return String((0..<22).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
  }
}
