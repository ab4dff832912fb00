import Foundation
import PodiumConfig

/// A link a screen shows or encodes in a QR code, made right for the screen that shows it:
/// people must be able to open it from their phones.
public enum PublicLink {
  /// `link` as a screen that reached this plugin at `screenHost` should show it. A link to this
  /// machine (`http://127.0.0.1:8473/rooms/plenary/ask`, as a conference file for one machine
  /// has it) moves to `publicOrigin` (where people reach the plugin it points at) with its path
  /// kept; without one it is shown only to a screen on this machine, never to one elsewhere
  /// (nil). Links elsewhere are kept as they are.
  public static func resolve(_ link: String, publicOrigin: PublicOrigin?, screenHost: String?) -> String? {
    guard let parts = URLComponents(string: link), let host = parts.host, Loopback.isHost(host) else {
      return link
    }
    if let publicOrigin {
      let query = parts.percentEncodedQuery.map { "?\($0)" } ?? ""
      return publicOrigin.url((parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath) + query)
    }
    return screenHost.map(Loopback.isHost) == true ? link : nil
  }

  /// The host part of a request's `Host` header (`192.168.1.4:8471` → `192.168.1.4`, `[::1]:80` → `::1`).
  public static func host(ofHeader header: String?) -> String? {
    guard let header, !header.isEmpty else { return nil }
    if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
      return String(header[header.index(after: header.startIndex)..<close])
    }
    return header.split(separator: ":", maxSplits: 1).first.map(String.init)
  }
}
