import ArgumentParser
import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol

struct Status: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Show every room: now, time left, lateness, next.")
  @OptionGroup var connection: ConnectionOptions
  @Flag(help: "Print JSON (the rooms' status values) instead of a table.") var json = false

  func run() async throws {
    let client = try connection.client()
    defer { client.stop() }
    let snapshot: Reply.Snapshot
    do {
      snapshot = try await client.request(.snapshot(prefix: ""), as: Reply.Snapshot.self)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    let conference = try snapshot.entries.first { $0.topic == Topic.conference }?.value.decode(Conference.self)
    let rooms = snapshot.entries.filter { $0.topic.hasPrefix("room/") }.compactMap {
      try? $0.value.decode(RoomStatus.self)
    }
    if json {
      let body = JSONValue.object([
        "seq": .number(Double(snapshot.seq)),
        "conference": conference.flatMap { try? JSONValue(encoding: $0) } ?? .null,
        "rooms": .array(rooms.compactMap { try? JSONValue(encoding: $0) }),
      ])
      print(String(decoding: WireCoding.encode(body), as: UTF8.self))
      return
    }
    guard let conference else {
      print("podiumd has no conference loaded (seq \(snapshot.seq)).")
      return
    }
    print(StatusTable(conference: conference, rooms: rooms).render())
    print("seq \(snapshot.seq)")
  }
}

/// The human table of `podium status`.
struct StatusTable {
  var conference: Conference
  var rooms: [RoomStatus]

  func render() -> String {
    let timeZone = TimeZone(identifier: conference.timeZone) ?? .current
    var rows = [["ROOM", "NOW", "LEFT", "PHASE", "SLOT", "LATE", "NEXT"]]
    let order = conference.rooms.map(\.id)
    for status in rooms.sorted(by: { (order.firstIndex(of: $0.room.id) ?? 0) < (order.firstIndex(of: $1.room.id) ?? 0) }
    ) {
      let current = status.current
      let next = status.upcoming.first
      rows.append([
        status.room.id,
        current.map { $0.session.title + ($0.speaker.map { " — \($0.name)" } ?? "") } ?? "—",
        current.map { Self.clock($0.timeLeft) + ($0.paused ? " ⏸" : "") } ?? "",
        current?.phase.rawValue ?? "",
        current?.slot.map { Self.clock($0.timeLeft) + " of " + Self.clock($0.allotted) } ?? "",
        status.offset >= 60 ? "+\(Int((status.offset / 60).rounded())) min" : "—",
        next.map { "\(Self.time($0.expectedStart, timeZone)) \($0.session.title)" } ?? "—",
      ])
    }
    let widths = (0..<rows[0].count).map { column in
      min(40, rows.map { $0[column].count }.max() ?? 0)
    }
    return rows.map { row in
      zip(row, widths).map { cell, width in
        let clipped = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
        return clipped.padding(toLength: width, withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }

  /// `12:05`, `1:02:03`, `−0:42` for seconds left.
  static func clock(_ seconds: Double) -> String {
    let total = Int(abs(seconds).rounded(.down))
    let text =
      total >= 3600
      ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
      : String(format: "%d:%02d", total / 60, total % 60)
    return seconds < 0 ? "−" + text : text
  }

  static func time(_ date: Date, _ timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
  }
}
