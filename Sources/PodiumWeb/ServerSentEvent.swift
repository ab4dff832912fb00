/// One Server-Sent Event, as `text/event-stream` frames it.
public struct ServerSentEvent: Equatable, Sendable {
  /// The event's name (`event:` line), e.g. `state`.
  public var name: String
  /// The payload (`data:` lines); usually one line of JSON.
  public var data: String

  public init(name: String, data: String) {
    self.name = name
    self.data = data
  }

  /// The event as sent: name, one `data:` line per payload line, blank line.
  public var framed: String {
    let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
    return "event: \(name)\n\(lines.joined(separator: "\n"))\n\n"
  }
}
