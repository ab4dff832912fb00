import Foundation
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumProtocol
import PodiumWeb

/// Booth tablets paired by the chief interpreter: a link (and its QR code) that logs one tablet
/// in for one booth only. A new pairing of a booth un-pairs its earlier tablets (rotation); an
/// un-pairing ends them; neither needs a restart. Pairings live in `booth-tablets.yaml`, beside
/// the login tokens, SHA-256 only.
struct TabletPairing: Sendable {
  /// What the chief's view gets for a new pairing.
  struct Link: Encodable {
    /// `ROOM/BOOTH`.
    var booth: String
    /// The link to open on the tablet (shown once).
    var link: String
    /// Its QR code, an SVG image.
    var qr: String?
    /// Whether the link names this machine only (no `public.booths`): no tablet elsewhere can open it.
    var thisMachineOnly: Bool
  }

  /// What a console learns of its own booth.
  struct Access: Encodable {
    /// Whether this browser may act for the booth.
    var canAct: Bool
    /// Why not, when it may not.
    var reason: String?
    /// Whether a tablet is paired with the booth.
    var paired: Bool
  }

  let access: WebAccess
  /// Where tablets reach the consoles (`public.booths`, `--public-url`), if known.
  let publicOrigin: PublicOrigin?

  /// The tablet's name in the pairings file.
  static func name(room: Room.ID, booth: Booth.ID) -> String { "tablet-\(room)-\(booth)" }

  /// `POST /api/rooms/:room/booths/:booth/pairing` (chief interpreter or operator): a new link.
  func pair(_ request: Request, room: Room, booth: Booth) -> Response {
    guard access.admits(request, [.chief]) else { return access.unauthorized() }
    guard let tablets = access.tablets, !access.isOpen else {
      return Responses.failure(
        ProtocolError(
          .notAllowedInState,
          "tablets are paired only where pages need logins (web-tokens.yaml); without it every console is "
            + "open, on this machine only"))
    }
    let token: String
    do {
      token = try tablets.issue(name: Self.name(room: room.id, booth: booth.id), role: .booth, booth: key(room, booth))
    } catch {
      return Responses.failure(
        ProtocolError(.storageUnavailable, "cannot record the pairing in \(tablets.path): \(error)"))
    }
    let origin = publicOrigin?.description ?? "http://\(request.head.authority ?? "127.0.0.1")"
    let link = origin + "/login?token=\(token)&next=" + (WebTokens.consolePath(ofBooth: key(room, booth)) ?? "/")
    let host = PublicLink.host(ofHeader: request.head.authority) ?? "127.0.0.1"
    return Responses.json(
      Link(
        booth: key(room, booth), link: link, qr: QRCode(link)?.svg,
        thisMachineOnly: publicOrigin?.isLoopback ?? Loopback.isHost(host)))
  }

  /// `POST /api/rooms/:room/booths/:booth/unpairing` (chief interpreter or operator): ends the
  /// booth's tablets' sessions.
  func unpair(_ request: Request, room: Room, booth: Booth) -> Response {
    guard access.admits(request, [.chief]) else { return access.unauthorized() }
    guard let tablets = access.tablets else { return Responses.json(["unpaired": false]) }
    do {
      return Responses.json(["unpaired": try tablets.revoke(name: Self.name(room: room.id, booth: booth.id))])
    } catch {
      return Responses.failure(
        ProtocolError(.storageUnavailable, "cannot remove the pairing from \(tablets.path): \(error)"))
    }
  }

  /// `GET /api/rooms/:room/booths/:booth/access`: whether this browser may act for the booth.
  func access(_ request: Request, room: Room, booth: Booth) -> Response {
    let refusal = access.refusal(actingFor: key(room, booth), request)
    return Responses.json(
      Access(canAct: refusal == nil, reason: refusal?.message, paired: access.isPaired(key(room, booth))))
  }

  private func key(_ room: Room, _ booth: Booth) -> String { "\(room.id)/\(booth.id)" }
}
