import Foundation

/// A date and time as schedules write them: ISO 8601 with or without an offset.
struct LocalDateTime: Equatable {
  var year: Int, month: Int, day: Int
  var hour: Int, minute: Int, second: Int
  /// Seconds east of UTC, if the text had an offset (`Z` is 0).
  var offset: Int?

  /// Parses `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, and the basic iCalendar form `YYYYMMDDTHHMMSS[Z]`.
  init?(_ text: String) {
    let scalars = Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars)
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= scalars.count else { return nil }
      var value = 0
      for scalar in scalars[index..<index + digits] {
        guard let digit = Int(String(scalar)), ("0"..."9").contains(scalar) else { return nil }
        value = value * 10 + digit
      }
      index += digits
      return value
    }
    func skip(_ character: Unicode.Scalar) -> Bool {
      if index < scalars.count && scalars[index] == character {
        index += 1
        return true
      }
      return false
    }
    guard let year = number(4) else { return nil }
    let extended = skip("-")
    guard let month = number(2), !extended || skip("-"), let day = number(2) else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
    (hour, minute, second) = (0, 0, 0)
    guard index < scalars.count else { return nil }
    guard skip("T") || skip(" ") || skip("t"), let hour = number(2) else { return nil }
    self.hour = hour
    if extended {
      guard skip(":"), let minute = number(2) else { return nil }
      self.minute = minute
      if skip(":") {
        guard let second = number(2) else { return nil }
        self.second = second
        if skip(".") || skip(",") {
          while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        }
      }
    } else {
      guard let minute = number(2), let second = number(2) else { return nil }
      (self.minute, self.second) = (minute, second)
    }
    if index == scalars.count {
      offset = nil
    } else if skip("Z") || skip("z") {
      offset = 0
    } else if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
      let sign = scalars[index] == "-" ? -1 : 1
      index += 1
      guard let hours = number(2) else { return nil }
      _ = skip(":")
      let minutes = number(2) ?? 0
      offset = sign * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    guard index == scalars.count, (1...12).contains(month), (1...31).contains(day), hour <= 24, minute < 60,
      second <= 60
    else { return nil }
  }

  /// The instant: at the text's own offset if it has one, else in `zone`.
  func instant(in zone: TimeZone) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    if let offset {
      guard let fixed = TimeZone(secondsFromGMT: offset) else { return nil }
      calendar.timeZone = fixed
    } else {
      calendar.timeZone = zone
    }
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: components)
  }
}
