import Foundation

extension SpeakerReport {
  /// One line per speaker of each session: room, session, title, speaker, planned and spoken
  /// seconds, overrun. RFC 4180 quoting.
  public var csv: String {
    var rows = [["room", "session", "title", "speaker", "planned_s", "spoken_s", "overrun_s"].joined(separator: ",")]
    for line in lines {
      let fields = [
        line.room, line.session, line.title, line.speaker, line.planned.map(Self.seconds) ?? "",
        Self.seconds(line.spoken), line.overrun.map(Self.seconds) ?? "",
      ]
      rows.append(fields.map(CSVField.quoted).joined(separator: ","))
    }
    return rows.joined(separator: "\r\n") + "\r\n"
  }

  /// A text table for the terminal.
  public var table: String {
    func minutes(_ seconds: TimeInterval) -> String {
      String(format: "%d:%02d", Int(seconds.rounded()) / 60, Int(seconds.rounded()) % 60)
    }
    var rows = ["SESSION / SPEAKER".padding(toLength: 48, withPad: " ", startingAt: 0) + "PLANNED  SPOKEN  OVERRUN"]
    var session: String?
    for line in lines {
      if line.session != session {
        session = line.session
        rows.append("\(line.room) / \(line.title)")
      }
      let name = "  " + (line.speaker.count > 44 ? String(line.speaker.prefix(43)) + "…" : line.speaker)
      let overrun = line.overrun.map { ($0 < 0 ? "-" : "+") + minutes(abs($0)) } ?? ""
      rows.append(
        name.padding(toLength: 48, withPad: " ", startingAt: 0)
          + (line.planned.map(minutes) ?? "").padding(toLength: 9, withPad: " ", startingAt: 0)
          + minutes(line.spoken).padding(toLength: 8, withPad: " ", startingAt: 0) + overrun)
    }
    return rows.joined(separator: "\n")
  }

  static func seconds(_ value: TimeInterval) -> String { String(Int(value.rounded())) }
}
