import Foundation
import PodiumCore
import XLSX

extension ProgrammeReport {
  /// The report as a workbook for the organisers' spreadsheets: a sheet per room (planned
  /// against actual per session) and a sheet per speaker (speaking time planned against spoken,
  /// session by session). Times are real spreadsheet dates in the conference's time zone,
  /// delays and speaking times numbers of minutes; Arabic labels make right-to-left sheets.
  /// Pure: the shell writes it (`Workbook.write(to:)`).
  public func workbook(speakers: SpeakerReport, language: String = "en") -> Workbook {
    let labels = ReportLabels.forLanguage(language)
    var sheets: [Worksheet] = []
    func sheet(named wanted: String, header: [String], widths: [Double]) -> Worksheet {
      var sheet = Worksheet(
        name: Worksheet.name(for: wanted, avoiding: sheets.map(\.name)),
        columnWidths: Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($0.offset, $0.element) }),
        rightToLeft: labels.direction == "rtl", frozenRows: 1)
      sheet.append(header.map(CellValue.text), style: CellStyle(bold: true))
      return sheet
    }
    let minutes = { (name: String) in "\(name) \(labels.minutes)" }
    for room in rooms {
      var roomSheet = sheet(
        named: room.room.name,
        header: [
          labels.session, "id", labels.status, labels.plannedStart, labels.plannedEnd, labels.actualStart,
          labels.actualEnd, minutes(labels.startDelay), minutes(labels.overrun),
        ], widths: [44, 16, 12, 17, 17, 17, 17, 14, 14])
      for outcome in room.sessions {
        let row = roomSheet.append([
          .text(outcome.session.title), .text(outcome.session.id), .text(labels.statuses[outcome.status] ?? ""),
        ])
        let times = [outcome.session.plannedStart, outcome.session.plannedEnd, outcome.actualStart, outcome.actualEnd]
        for (offset, time) in times.enumerated() {
          guard let time else { continue }
          roomSheet[row, 3 + offset] = Cell(.number(serial(time)), style: Self.dateStyle)
        }
        for (offset, seconds) in [outcome.startDelay, outcome.overrun].enumerated() {
          guard let seconds else { continue }
          roomSheet[row, 7 + offset] = Cell(.number(Self.minutes(seconds)), style: Self.signedMinutesStyle)
        }
      }
      sheets.append(roomSheet)
    }
    let names = Dictionary(conference.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var speakerOrder: [String] = []
    for line in speakers.lines where !speakerOrder.contains(line.speaker) { speakerOrder.append(line.speaker) }
    for speaker in speakerOrder {
      var speakerSheet = sheet(
        named: speaker,
        header: [
          labels.room, labels.session, labels.plannedStart, minutes(labels.speakingTime), minutes(labels.spoken),
          minutes(labels.overrun),
        ], widths: [24, 44, 17, 16, 16, 14])
      for line in speakers.lines where line.speaker == speaker {
        let row = speakerSheet.append([.text(names[line.room] ?? line.room), .text(line.title)])
        if let start = conference.session(line.session)?.plannedStart {
          speakerSheet[row, 2] = Cell(.number(serial(start)), style: Self.dateStyle)
        }
        if let planned = line.planned {
          speakerSheet[row, 3] = Cell(.number(Self.minutes(planned)), style: Self.minutesStyle)
        }
        speakerSheet[row, 4] = Cell(.number(Self.minutes(line.spoken)), style: Self.minutesStyle)
        if let overrun = line.overrun {
          speakerSheet[row, 5] = Cell(.number(Self.minutes(overrun)), style: Self.signedMinutesStyle)
        }
      }
      sheets.append(speakerSheet)
    }
    return Workbook(sheets: sheets, title: "\(conference.name) — \(labels.title)")
  }

  static let dateStyle = CellStyle(numberFormat: "yyyy-mm-dd hh:mm")
  static let minutesStyle = CellStyle(numberFormat: "0.0")
  static let signedMinutesStyle = CellStyle(numberFormat: "+0.0;-0.0;0.0")

  /// Seconds as minutes, to the tenth.
  static func minutes(_ seconds: TimeInterval) -> Double { (seconds / 6).rounded() / 10 }

  /// `date` as a spreadsheet's serial date, in the conference's local time.
  func serial(_ date: Date) -> Double {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return SerialDate(
      year: parts.year ?? 1900, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0,
      minute: parts.minute ?? 0, second: parts.second ?? 0
    ).serial()
  }
}
