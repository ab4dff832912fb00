import Foundation

/// One keep-alive HTTP/1.1 connection over a plain socket: requests written by hand, the
/// status and a `Content-Length` body read back. Enough for a load generator, no more.
final class HTTPConnection {
  private let host: String
  private let port: UInt16
  private var socket: Int32 = -1
  private var buffer: [UInt8] = []

  init(host: String = "127.0.0.1", port: UInt16) {
    self.host = host
    self.port = port
  }

  deinit { close() }

  func close() {
    if socket >= 0 { Glibc.close(socket) }
    socket = -1
    buffer = []
  }

  private func connect() throws {
    socket = try Self.openSocket(host: host, port: port)
  }

  /// A TCP socket connected to `host:port` (IPv4), with Nagle's delay off.
  static func openSocket(host: String, port: UInt16) throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    inet_pton(AF_INET, host, &address.sin_addr)
    var one: Int32 = 1
    setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      Glibc.close(socket)
      throw BenchmarkError("cannot connect to \(host):\(port)")
    }
    return socket
  }

  /// Sends a request and returns the status and body; reconnects once if the connection closed.
  func request(
    _ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:]
  ) throws -> (
    status: Int, body: [UInt8]
  ) {
    for attempt in 0..<2 {
      if socket < 0 { try connect() }
      var text = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
      for (name, value) in headers { text += "\(name): \(value)\r\n" }
      if let body {
        text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
      } else {
        text += "\r\n"
      }
      if write(Array(text.utf8)), let response = try? readResponse() { return response }
      close()
      if attempt == 1 { break }
    }
    throw BenchmarkError("\(method) \(path) failed twice")
  }

  private func write(_ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { return false }
      sent += count
    }
    return true
  }

  private func fill() throws {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { throw BenchmarkError("connection closed") }
    buffer += chunk[..<count]
  }

  private func readResponse() throws -> (status: Int, body: [UInt8]) {
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    var end: Int?
    while end == nil {
      if let found = buffer.firstRange(of: separator) { end = found.lowerBound } else { try fill() }
    }
    let head = String(decoding: buffer[..<end!], as: UTF8.self)
    let lines = head.split(separator: "\r\n")
    let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    let length =
      lines.dropFirst().compactMap { line -> Int? in
        let parts = line.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
        return Int(parts[1].trimmingCharacters(in: .whitespaces))
      }.first ?? 0
    let bodyStart = end! + separator.count
    while buffer.count < bodyStart + length { try fill() }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    buffer.removeFirst(bodyStart + length)
    return (status, body)
  }

}
