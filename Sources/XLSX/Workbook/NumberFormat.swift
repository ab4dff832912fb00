/// Number format codes: which show a date or time, and the codes of Excel's built-in formats.
public enum NumberFormat {
  /// Whether `code` shows a number as a date or a time (`yyyy-mm-dd`, `h:mm`, `[h]:mm:ss`):
  /// a date or time letter outside quoted text, escapes and colour or locale brackets.
  public static func showsDateOrTime(_ code: String) -> Bool {
    var letters = "", quoted = false, bracket = "", inBracket = false, escaped = false
    for character in code {
      if escaped {
        escaped = false
      } else if quoted {
        quoted = character != "\""
      } else if inBracket {
        if character == "]" {
          inBracket = false
          if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket.lowercased()) { letters += bracket }
        } else {
          bracket.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "\\" {
        escaped = true
      } else if character == "[" {
        inBracket = true
        bracket = ""
      } else {
        letters.append(character)
      }
    }
    return letters.lowercased().contains { "ymdhs".contains($0) }
  }

  /// The code of a built-in format (`numFmtId` 0 to 163), as Excel shows it in an English locale;
  /// nil for General and ids without a fixed code.
  public static func builtIn(_ id: Int) -> String? {
    switch id {
    case 1: "0"
    case 2: "0.00"
    case 3: "#,##0"
    case 4: "#,##0.00"
    case 9: "0%"
    case 10: "0.00%"
    case 11: "0.00E+00"
    case 12: "# ?/?"
    case 13: "# ??/??"
    case 14: "mm-dd-yy"
    case 15: "d-mmm-yy"
    case 16: "d-mmm"
    case 17: "mmm-yy"
    case 18: "h:mm AM/PM"
    case 19: "h:mm:ss AM/PM"
    case 20: "h:mm"
    case 21: "h:mm:ss"
    case 22: "m/d/yy h:mm"
    // East Asian locales' date formats: their codes depend on the locale, all show dates.
    case 27...36, 50...58: "yyyy-mm-dd"
    case 37: "#,##0 ;(#,##0)"
    case 38: "#,##0 ;[Red](#,##0)"
    case 39: "#,##0.00;(#,##0.00)"
    case 40: "#,##0.00;[Red](#,##0.00)"
    case 45: "mm:ss"
    case 46: "[h]:mm:ss"
    case 47: "mmss.0"
    case 48: "##0.0E+0"
    case 49: "@"
    default: nil
    }
  }
}
