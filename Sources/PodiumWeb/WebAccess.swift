import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumProtocol
import Synchronization

/// Who may open the pages that act (control, chief interpreter, moderators) and act from a
/// booth console: holders of a login token from `web-tokens.yaml`, of a booth tablet's
/// pairing (`booth-tablets.yaml`) or of a plugin's shared token (the Q&A's moderators'), with
/// a signed session cookie (`WebTokens.Holder.session`) or `Authorization: Bearer TOKEN`.
/// Without any token every page is open: development on one machine, allowed on loopback
/// addresses only (`check`).
public final class WebAccess: Sendable {
  public static let cookie = "podium_session"
  /// How long a login lasts.
  public static let sessionLength: TimeInterval = 12 * 3600
  /// How long a booth tablet stays paired without a new pairing: the whole conference.
  public static let tabletSessionLength: TimeInterval = 7 * 24 * 3600

  /// A tokens file as last read, with the file's identity then (read again when it changes).
  private struct Reading {
    var file: [String] = []
    var holders: [WebTokens.Holder] = []
  }

  /// The login tokens (`web-tokens.yaml`): when it has none, every page is open.
  private let tokens: WebTokens?
  /// The booth tablets the chief interpreter paired, if this plugin pairs them.
  public let tablets: WebTokens?
  /// Holders known to this plugin alone (the Q&A's moderators' token).
  private let shared: [WebTokens.Holder]
  private let readings = Mutex([String: Reading]())
  private let attempts = RateLimiter(rate: 20)

  /// Access by the tokens of `keysDirectory`'s `web-tokens.yaml`, by the booth tablets of
  /// `tablets` and by `shared`; open without any of them.
  public init(keysDirectory: String?, tablets: String? = nil, shared: [WebTokens.Holder] = []) {
    tokens = keysDirectory.map(WebTokens.init(directory:))
    self.tablets = keysDirectory == nil ? nil : tablets.map(WebTokens.init(path:))
    self.shared = shared
  }

  /// A holder of a plugin's shared token (`name` says whose, `role` what it opens; a name no
  /// tokens file can have, such as `shared:moderators`).
  public static func sharedHolder(_ name: String, role: WebTokens.Role, token: String) -> WebTokens.Holder {
    WebTokens.Holder(name: name, role: role, digest: WebTokens.digest(token))
  }

  /// Whether every page is open (no login token, no shared token).
  public var isOpen: Bool { shared.isEmpty && (tokens.map(holders(in:))?.isEmpty ?? true) }

  /// Everyone who may log in now: the login tokens, the paired tablets, the shared tokens.
  private func holders() -> [WebTokens.Holder] {
    [tokens, tablets].compactMap { $0 }.flatMap(holders(in:)) + shared
  }

  /// Whether a tablet is paired with booth `booth` (`ROOM/BOOTH`).
  public func isPaired(_ booth: String) -> Bool {
    tablets.map(holders(in:))?.contains { $0.booth == booth } ?? false
  }

  /// The holder whose token `token` is, if any (the comparison takes the same time wherever
  /// two digests differ).
  public func holder(presenting token: String) -> WebTokens.Holder? {
    let digest = WebTokens.digest(token)
    return holders().first { WebTokens.same($0.digest, digest) }
  }

  /// A `Set-Cookie` value opening a session for `holder` (HttpOnly, SameSite=Strict; Secure
  /// behind TLS, `ForwardedHeaders`): seven days for a booth tablet, else twelve hours.
  public func sessionCookie(for holder: WebTokens.Holder, now: Date = Date()) -> String {
    let length = holder.role == .booth ? Self.tabletSessionLength : Self.sessionLength
    return Cookie.podium(
      Self.cookie, holder.session(until: now.addingTimeInterval(length)), sameSite: .strict, maxAge: Int(length)
    ).description
  }

  /// A file's holders now: read again only when the file changed (rotation), not per request.
  private func holders(in tokens: WebTokens) -> [WebTokens.Holder] {
    let attributes = (try? FileManager.default.attributesOfItem(atPath: tokens.path)) ?? [:]
    let file = [FileAttributeKey.modificationDate, .systemFileNumber, .size].map { "\(attributes[$0] ?? "")" }
    return readings.withLock { readings in
      if readings[tokens.path]?.file != file {
        readings[tokens.path] = Reading(file: file, holders: (try? tokens.holders()) ?? [])
      }
      return readings[tokens.path]?.holders ?? []
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

  /// Why `request` may not send `command`, a command of a page for `roles`: nil when it may. A
  /// login limited to one room (`room:`) acts in that room only.
  public func refusal(of command: RoomCommand, _ request: Request, roles: Set<WebTokens.Role>) -> ProtocolError? {
    guard admits(request, roles) else {
      return ProtocolError(.unauthorized, "'\(command.name)' needs a login (/login)")
    }
    return holder(of: request).flatMap { refusal(of: $0, actingIn: command.room) }
  }

  /// Why `holder` may not act in room `room` (a login limited to another room), or nil.
  public func refusal(of holder: WebTokens.Holder, actingIn room: String) -> ProtocolError? {
    guard !holder.acts(in: room) else { return nil }
    return ProtocolError(
      .forbidden, "the login '\(holder.name)' acts in room \(holder.room ?? "?") only, not \(room)", field: "room")
  }

  /// Why `request` may not act for booth `booth` (`ROOM/BOOTH`), or nil when it may: the
  /// booth's paired tablet, the chief interpreter and operators may; anyone else only reads.
  public func refusal(actingFor booth: String, _ request: Request) -> ProtocolError? {
    guard !isOpen else { return nil }
    guard let holder = holder(of: request) else {
      return ProtocolError(
        .unauthorized,
        "this console is read-only: pair it with booth \(booth) from the chief interpreter's view (/chief)")
    }
    switch holder.role {
    case .operator, .chief:
      return refusal(of: holder, actingIn: String(booth.split(separator: "/").first ?? ""))
    case .booth where holder.booth == booth: return nil
    case .booth:
      return ProtocolError(
        .forbidden, "this tablet is paired with booth \(holder.booth ?? "?"), not \(booth)", field: "booth")
    case .moderator:
      return ProtocolError(.forbidden, "a moderator's login cannot act for a booth", field: "booth")
    }
  }

  /// The holder of the request's session, if it has a genuine, unexpired one of a token that
  /// is still valid (a rotated or revoked token ends its sessions).
  public func holder(of request: Request, now: Date = Date()) -> WebTokens.Holder? {
    if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
      return holder(presenting: String(header.dropFirst("Bearer ".count)))
    }
    guard let value = request.cookies[Self.cookie]?.value else { return nil }
    return WebTokens.Holder.opening(session: value, among: holders(), now: now)
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
      guard let holder = self.holder(presenting: token) else {
        return self.loginPage(next: next, message: "This token is not valid (or was replaced).")
      }
      var response = Response(status: .seeOther)
      response.headers[.location] = next == "/" ? Self.home(of: holder) : next
      response.headers[.setCookie] = self.sessionCookie(for: holder)
      return response
    }
  }

  /// Where a login without `next` goes: a booth tablet to its console.
  static func home(of holder: WebTokens.Holder) -> String {
    guard holder.role == .booth, let booth = holder.booth else { return "/" }
    return WebTokens.consolePath(ofBooth: booth) ?? "/"
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
    Responses.failure(ProtocolError(.unauthorized, "log in first: this needs a login token"))
  }
}
