import XLSX

/// One cell of a programme sheet as its file holds it: text (all of a CSV), or a number a
/// workbook stored, with the date or time its number format shows.
enum ProgrammeCell: Equatable {
  case text(String)
  /// A number; `shownAs` is the date or time when the cell's format shows one.
  case number(Double, shownAs: SerialDate?)

  /// The cell as a person reads it: the text trimmed, a number in its shortest form, a date as `2026-06-25 09:00`.
  var text: String {
    switch self {
    case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines)
    case .number(_, let date?): date.description
    case .number(let number, nil):
      number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
  }
}
