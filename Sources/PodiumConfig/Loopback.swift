/// What counts as this machine only: where plaintext links and open pages are allowed.
public enum Loopback {
  /// `127.x.x.x`, `localhost` or `::1` (with or without brackets).
  public static func isHost(_ host: String) -> Bool {
    host.hasPrefix("127.") || host == "localhost" || host == "::1" || host == "[::1]"
  }

  /// A ZeroMQ endpoint on this machine: `tcp://` to a loopback host, `ipc://` or `inproc://`.
  public static func isEndpoint(_ endpoint: String) -> Bool {
    if endpoint.hasPrefix("ipc://") || endpoint.hasPrefix("inproc://") { return true }
    guard endpoint.hasPrefix("tcp://") else { return false }
    let address = endpoint.dropFirst("tcp://".count)
    guard let colon = address.lastIndex(of: ":") else { return false }
    return isHost(String(address[..<colon]))
  }
}
