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
    var seconds = Int((serial * 86_400).rounded())
    var days = seconds / 86_400
    seconds %= 86_400
    isTimeOnly = serial < 1
    if uses1904Dates {
      days += Self.daysFrom1970(year: 1904, month: 1, day: 1)
    } else {
      days += Self.daysFrom1970(year: 1899, month: 12, day: days >= 61 ? 30 : 31)
    }
    (year, month, day) = Self.civil(fromDaysSince1970: days)
    (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
  }

  /// A date and time, to be written as a serial number.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    isTimeOnly = false
  }

  /// The serial number in the 1900 system (or the 1904 one).
  public func serial(uses1904Dates: Bool = false) -> Double {
    let epoch =
      uses1904Dates
      ? Self.daysFrom1970(year: 1904, month: 1, day: 1) : Self.daysFrom1970(year: 1899, month: 12, day: 30)
    let days = isTimeOnly ? 0 : Self.daysFrom1970(year: year, month: month, day: day) - epoch
    return Double(days) + Double(hour * 3600 + minute * 60 + second) / 86_400
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

  /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
  static func daysFrom1970(year: Int, month: Int, day: Int) -> Int {
    let year = month <= 2 ? year - 1 : year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date of a day counted from 1970-01-01 (civil_from_days).
  static func civil(fromDaysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
