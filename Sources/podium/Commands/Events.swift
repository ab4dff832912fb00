import ArgumentParser
import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol

struct Events: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the event log; --follow to keep printing.")
  @OptionGroup var connection: ConnectionOptions
  @Option(help: "Print events after this sequence number.") var after: Int64 = 0
  @Flag(help: "Keep printing new events as they are committed.") var follow = false
  @Flag(help: "One JSON object per line.") var json = false

  func run() async throws {
    let client = try connection.client(updates: follow)
    defer { client.stop() }
    var last = after
    do {
      last = try await printEvents(after: last, client: client)
      guard follow else { return }
      for await view in client.views() where view.seq > last {
        last = try await printEvents(after: last, client: client)
      }
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
  }

  /// Prints every event after `after`; returns the last sequence number printed.
  private func printEvents(after: Int64, client: PodiumClient) async throws -> Int64 {
    var last = after
    while true {
      let page = try await client.request(.events(after: last, limit: 500), as: Reply.Events.self)
      for entry in page.events {
        print(json ? String(decoding: WireCoding.encode(entry), as: UTF8.self) : Self.line(entry))
        last = entry.seq
      }
      fflush(nil)  // every stream (the `stdout` global is not concurrency-safe)
      if page.events.count < 500 { return last }
    }
  }

  static func line(_ entry: Reply.LogEntry) -> String {
    var details = ""
    if case .object(let outer) = entry.event, case .object(let inner)? = outer.values.first {
      details = inner.keys.sorted().filter { $0 != "room" && $0 != "at" && $0 != "conference" }.map { key in
        "\(key)=\(Self.short(inner[key]!))"
      }.joined(separator: " ")
    }
    let command = entry.command.map { " [\($0)]" } ?? ""
    return "#\(entry.seq) \(PodiumJSON.formatInstant(entry.at)) \(entry.topic) \(entry.type) \(details)\(command)"
  }

  private static func short(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): return text
    case .number(let number): return number == number.rounded() ? String(Int64(number)) : String(number)
    case .bool(let flag): return String(flag)
    case .null: return "null"
    default: return String(decoding: WireCoding.encode(value), as: UTF8.self)
    }
  }
}
