import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumProtocol
import Synchronization

/// Who may open the pages that act (control, chief interpreter, moderators): holders of a
/// login token from `web-tokens.yaml`, as a session cookie. Without a tokens file every page
/// is open: development on one machine, allowed on loopback addresses only (`check`).
public final class WebAccess: Sendable {
  public static let cookie = "podium_session"
  /// How long a login lasts.
  public static let sessionLength: TimeInterval = 12 * 3600

  /// Open sessions, and the tokens file as last read with the file's identity then (read
  /// again when it changes).
  private struct Memory {
    var sessions: [String: (holder: WebTokens.Holder, expires: Date)] = [:]
    /// The tokens file's modification date, inode and size when last read.
    var file: [String] = []
    var holders: [WebTokens.Holder] = []
  }

  private let tokens: WebTokens?
  private let memory = Mutex(Memory())
  private let attempts = RateLimiter(rate: 20)

  /// Access by the tokens of `keysDirectory`'s `web-tokens.yaml`; open without a keys directory.
  public init(keysDirectory: String?) {
    tokens = keysDirectory.map(WebTokens.init(directory:))
  }

  /// Whether every page is open (no tokens file).
  public var isOpen: Bool { holders().isEmpty }

  /// The token holders now: the file is read again only when it changed (rotation), not per request.
  private func holders() -> [WebTokens.Holder] {
    guard let tokens else { return [] }
    let attributes = (try? FileManager.default.attributesOfItem(atPath: tokens.path)) ?? [:]
    let file = [FileAttributeKey.modificationDate, .systemFileNumber, .size].map { "\(attributes[$0] ?? "")" }
    return memory.withLock { memory in
      if file != memory.file {
        memory.file = file
        memory.holders = (try? tokens.holders()) ?? []
      }
      return memory.holders
    }
  }

  /// Refuses to serve beyond loopback with every page open.
  public func check(listening address: ListenAddress) throws {
    if isOpen, !Loopback.isHost(address.host) {
      throw ListenAddressError(
        text: "\(address.host):\(address.port) is not loopback and no web-tokens.yaml exists "
          + "(create login tokens with `podium tokens new NAME --role operator`)")
    }
  }

  /// Whether `request` may open a page for `roles` (operators may open every page).
  public func admits(_ request: Request, _ roles: Set<WebTokens.Role>) -> Bool {
    guard !isOpen else { return true }
    guard let holder = holder(of: request) else { return false }
    return holder.role == .operator || roles.contains(holder.role)
  }

  /// The holder of the request's session, if it has a live one.
  public func holder(of request: Request, now: Date = Date()) -> WebTokens.Holder? {
    guard let id = Cookies.value(Self.cookie, in: request) else { return nil }
    let current = holders()
    return memory.withLock { memory in
      guard let session = memory.sessions[id], session.expires > now else { return nil }
      // A rotated token ends its sessions.
      guard current.contains(session.holder) else {
        memory.sessions[id] = nil
        return nil
      }
      return session.holder
    }
  }

  /// Adds `GET /login?token=…&next=/path` (sets the session cookie, then goes to `next`).
  public func addLogin<Context: RequestContext>(to router: Router<Context>) {
    router.get("/login") { request, _ -> Response in
      let query = request.uri.queryParameters
      let next = query.get("next").flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? String($0) : nil } ?? "/"
      guard let raw = query.get("token"), case let token = String(raw), !token.isEmpty else {
        return self.loginPage(next: next)
      }
      if self.attempts.take("login") != nil {
        return self.loginPage(next: next, message: "Too many attempts; wait a minute.")
      }
      let digest = WebTokens.digest(token)
      guard let holder = self.holders().first(where: { WebTokens.same($0.digest, digest) }) else {
        return self.loginPage(next: next, message: "This token is not valid (or was replaced).")
      }
      let id = self.open(holder)
      var response = Response(status: .seeOther)
      response.headers[.location] = next
      response.headers[.setCookie] = Cookies.setting(
        Self.cookie, id, sameSite: "Strict", maxAge: Int(Self.sessionLength))
      return response
    }
  }

  /// A new session for `holder`; its id is the cookie's value.
  private func open(_ holder: WebTokens.Holder, now: Date = Date()) -> String {
    let id = Cookies.randomValue() + Cookies.randomValue()
    memory.withLock { memory in
      memory.sessions = memory.sessions.filter { $0.value.expires > now }
      memory.sessions[id] = (holder, now.addingTimeInterval(Self.sessionLength))
    }
    return id
  }

  /// The 401 page: a form asking for the login token, then back to `next`.
  public func loginPage(next: String, message: String? = nil) -> Response {
    let note = message.map { #"<p class="error" role="alert">\#(HTMLText.escape($0))</p>"# } ?? ""
    return Responses.html(
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Log in</title>\
      <meta name="viewport" content="width=device-width, initial-scale=1"></head><body class="login"><main>\
      <h1>This page needs a login token</h1>\(note)\
      <form method="get" action="/login"><input type="hidden" name="next" value="\(HTMLText.escape(next))">\
      <label>Token <input name="token" type="password" autocomplete="off" required></label> \
      <button type="submit">Log in</button></form></main></body></html>
      """, status: .unauthorized)
  }

  /// A 401 JSON error for APIs, in the shape of `CommandForwarding.Result`.
  public func unauthorized() -> Response {
    Responses.failure(ProtocolError(.unauthorized, "log in first: this needs a login token"), status: .unauthorized)
  }
}
