/// The words of the HTML report in Arabic, French or English.
struct ReportLabels {
  var language: String
  var direction: String
  var title: String
  var asOf: String
  var room: String
  var session: String
  var planned: String
  var actual: String
  var startDelay: String
  var overrun: String
  var status: String
  var late: String
  /// The workbook's columns.
  var plannedStart: String
  var plannedEnd: String
  var actualStart: String
  var actualEnd: String
  var speaker: String
  var speakingTime: String
  var spoken: String
  /// Minutes, after a column name: `(min)`.
  var minutes: String
  var statuses: [SessionOutcome.Status: String]

  static func forLanguage(_ code: String) -> ReportLabels {
    switch code {
    case "ar":
      ReportLabels(
        language: "ar", direction: "rtl", title: "تقرير البرنامج: المخطط والفعلي", asOf: "حتى", room: "القاعة",
        session: "الجلسة", planned: "المخطط", actual: "الفعلي", startDelay: "تأخر البداية", overrun: "تجاوز المدة",
        status: "الحالة", late: "التأخر", plannedStart: "البداية المخططة", plannedEnd: "النهاية المخططة",
        actualStart: "البداية الفعلية", actualEnd: "النهاية الفعلية", speaker: "المتحدث",
        speakingTime: "وقت الكلام المخصص", spoken: "وقت الكلام الفعلي", minutes: "(دقيقة)",
        statuses: [.planned: "مخططة", .running: "جارية", .ended: "منتهية", .skipped: "ملغاة"])
    case "fr":
      ReportLabels(
        language: "fr", direction: "ltr", title: "Rapport du programme : prévu et réel", asOf: "au", room: "Salle",
        session: "Séance", planned: "Prévu", actual: "Réel", startDelay: "Retard au début", overrun: "Dépassement",
        status: "État", late: "Retard", plannedStart: "Début prévu", plannedEnd: "Fin prévue",
        actualStart: "Début réel", actualEnd: "Fin réelle", speaker: "Intervenant",
        speakingTime: "Temps de parole prévu", spoken: "Temps de parole réel", minutes: "(min)",
        statuses: [.planned: "prévue", .running: "en cours", .ended: "terminée", .skipped: "sautée"])
    default:
      ReportLabels(
        language: "en", direction: "ltr", title: "Programme report: planned and actual", asOf: "as of", room: "Room",
        session: "Session", planned: "Planned", actual: "Actual", startDelay: "Start delay", overrun: "Overrun",
        status: "Status", late: "Running late", plannedStart: "Planned start", plannedEnd: "Planned end",
        actualStart: "Actual start", actualEnd: "Actual end", speaker: "Speaker", speakingTime: "Speaking time",
        spoken: "Spoken", minutes: "(min)",
        statuses: [.planned: "planned", .running: "running", .ended: "ended", .skipped: "skipped"])
    }
  }
}
