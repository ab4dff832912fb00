import Foundation

/// A session's length as programmes write it: `45m`, `1h30m`, `90` (minutes), `1:30`
/// (hours:minutes) or `1:30:00`. One reading for the conference file and the spreadsheets.
public enum SessionLength {
  /// The length in seconds, or nil when `text` is none of those (or not positive).
  public static func seconds(in text: String) -> TimeInterval? {
    let text = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let minutes = Int(text) { return minutes > 0 ? TimeInterval(minutes * 60) : nil }
    let colon = text.split(separator: ":").compactMap { Int($0) }
    if colon.count == 2 || colon.count == 3, text.split(separator: ":").count == colon.count {
      let seconds = colon[0] * 3600 + colon[1] * 60 + (colon.count == 3 ? colon[2] : 0)
      return seconds > 0 ? TimeInterval(seconds) : nil
    }
    var total = 0
    var number = ""
    for character in text {
      if character.isNumber {
        number.append(character)
      } else if character == "h" || character == "m", let value = Int(number) {
        total += value * (character == "h" ? 3600 : 60)
        number = ""
      } else {
        return nil
      }
    }
    return total > 0 && number.isEmpty ? TimeInterval(total) : nil
  }
}
