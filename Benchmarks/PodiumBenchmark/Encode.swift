import ArgumentParser
import Foundation
import PodiumConfig
import PodiumCore
import PodiumProtocol

/// The daemon's largest cost per command, alone: computing a room's value and encoding it.
struct Encode: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Room values: computing them, and encoding them with Foundation and with Podium's encoder.")

  @Option(help: "Encodes of each room per measure.") var rounds = 200
  @Option(help: "A conference file to measure as well (e.g. the demo's).") var conference =
    "config/conferences/rabat-2026.yaml"

  func run() throws {
    let now = Date()
    var conferences = [("benchmark, 16 rooms", try ConferenceFile.parse(Daemon.conference(rooms: 16), file: "bench"))]
    if FileManager.default.fileExists(atPath: conference) {
      conferences.append((conference, try ConferenceFile.load(path: conference)))
    }
    var rows: [Row] = []
    for (name, programme) in conferences {
      var state = ConferenceState()
      for event in state.load(programme) { state.apply(event) }
      for room in programme.rooms {
        for event in (try? state.decide(RoomCommand(StartSession(), in: room.id), at: now)) ?? [] { state.apply(event) }
      }
      let rooms = programme.rooms
      let values = rooms.map { RoomStatus(room: $0, conference: programme, state: state, at: now) }
      let foundation = PodiumJSON.encoder()
      var fast = JSONBytesEncoder()
      for value in values {  // the same JSON, whichever encoder
        let expected = JSONValue(parsing: Array(try foundation.encode(value)))
        guard JSONValue(parsing: try fast.encode(value)) == expected, expected != nil else {
          throw ValidationError("the encoders disagree on room \(value.room.id)")
        }
      }
      let bytes = try values.map { try foundation.encode($0).count }.reduce(0, +) / values.count
      func perRoom(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds { try body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(rounds * rooms.count)
      }
      let compute = perRoom {
        for room in rooms { _ = RoomStatus(room: room, conference: programme, state: state, at: now) }
      }
      let viaFoundation = try perRoom { for value in values { _ = try foundation.encode(value) } }
      let withoutFragments = try perRoom {
        for value in values {
          var encoder = JSONBytesEncoder()
          _ = try encoder.encode(value)
        }
      }
      let withFragments = try perRoom { for value in values { _ = try fast.encode(value) } }
      rows += [
        Row(path: "\(name): a room's value (\(bytes) bytes on average), computed", podium: microseconds(compute)),
        Row(path: "… encoded by Foundation's JSONEncoder", podium: microseconds(viaFoundation)),
        Row(
          path: "… encoded by JSONBytesEncoder, no fragments", podium: microseconds(withoutFragments),
          ratio: String(format: "%.2f×", withoutFragments / viaFoundation)),
        Row(
          path: "… encoded by JSONBytesEncoder, sessions and rooms remembered", podium: microseconds(withFragments),
          ratio: String(format: "%.2f×", withFragments / viaFoundation)),
      ]
    }
    printTable(rows)
  }
}
