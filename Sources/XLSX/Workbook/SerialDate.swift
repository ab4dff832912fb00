import Foundation

/// A date and time as a spreadsheet counts it: a serial number of days since the workbook's
/// epoch, the fraction the time of day. Wall-clock time: a serial date has no time zone.
public struct SerialDate: Equatable, Sendable, CustomStringConvertible {
  public var year: Int, month: Int, day: Int
  public var hour: Int, minute: Int, second: Int
  /// Only a time of day (or a length of time): the serial number is below 1.
  public var isTimeOnly: Bool

  /// The date `serial` means, to the second; nil for a negative or absurd number.
  ///
  /// In the 1900 system, day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was
  /// (Lotus 1-2-3's mistake): from day 61 on, days count from 1899-12-30.
  public init?(_ serial: Double, uses1904Dates: Bool = false) {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    let seconds = Int((serial * 86_400).rounded())
    let epoch = Self.epoch(uses1904Dates: uses1904Dates, beforeDay61: seconds / 86_400 < 61)
    let parts = Self.calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: epoch.addingTimeInterval(Double(seconds)))
    (year, month, day) = (parts.year ?? 1900, parts.month ?? 1, parts.day ?? 1)
    (hour, minute, second) = (parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    isTimeOnly = serial < 1
  }

  /// A date and time, to be written as a serial number.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    isTimeOnly = false
  }

  /// The serial number in the 1900 system (or the 1904 one).
  public func serial(uses1904Dates: Bool = false) -> Double {
    let time = Double(hour * 3600 + minute * 60 + second) / 86_400
    guard !isTimeOnly else { return time }
    let midnight = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date.distantPast
    let days = midnight.timeIntervalSince(Self.epoch(uses1904Dates: uses1904Dates, beforeDay61: false)) / 86_400
    return days.rounded() + time
  }

  /// `2026-06-25 09:00` (with `:ss` when the seconds are not 0), or `09:00` for a time only.
  public var description: String {
    let pad = { (value: Int, width: Int) in
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    var time = pad(hour, 2) + ":" + pad(minute, 2)
    if second != 0 { time += ":" + pad(second, 2) }
    return isTimeOnly ? time : "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(time)"
  }

  /// Wall-clock arithmetic: the Gregorian calendar in UTC, where every day has 24 hours.
  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// Day 0: 1904-01-01 in the 1904 system; 1899-12-30 in the 1900 system (1899-12-31 before day 61).
  private static func epoch(uses1904Dates: Bool, beforeDay61: Bool) -> Date {
    let components =
      uses1904Dates
      ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: beforeDay61 ? 31 : 30)
    return calendar.date(from: components) ?? Date.distantPast
  }
}
