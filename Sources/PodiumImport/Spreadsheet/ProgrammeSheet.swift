/// A programme as a spreadsheet lays it out, whatever file it came from: a header row naming
/// the columns, then one session a row.
struct ProgrammeSheet {
  /// The rows from the sheet's first, each as wide as the file has it.
  var rows: [[ProgrammeCell]]
  /// How places in the sheet are named: `sheet 'Programme', ` for a workbook, nothing for a CSV.
  var placePrefix: String = ""
}
