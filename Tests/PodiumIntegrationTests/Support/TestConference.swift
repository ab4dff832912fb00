import Foundation

/// A conference around the current time: the plenary's first session began a
/// minute ago, so commands have something to act on.
enum TestConference {
  static func yaml(now: Date = Date()) -> String {
    func local(_ minutes: Double) -> String {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "Africa/Casablanca")
      formatter.dateFormat = "yyyy-MM-dd HH:mm"
      return formatter.string(from: now.addingTimeInterval(minutes * 60))
    }
    return """
      conference:
        id: test
        name: Test conference
        timeZone: Africa/Casablanca
        languages:
          - {code: ar, name: العربية}
          - {code: fr, name: Français}
          - {code: en, name: English}
      rooms:
        - id: plenary
          name: Salle plénière
          names: {ar: القاعة الكبرى}
          booths:
            - id: ar
              language: ar
              channel: 1
              from: [fr, en]
              interpreters: [{id: amina, name: أمينة}, {id: samir, name: سمير}]
            - id: en
              language: en
              channel: 3
              from: [fr]
              interpreters: [{id: helen, name: Helen Ashby}, {id: mark, name: Mark Sutton}]
        - id: atlas
          name: Salle Atlas
      sessions:
        - id: opening
          room: plenary
          title: "الافتتاح الرسمي 2026"
          start: \(local(-1))
          end: \(local(44))
          speakers:
            - {name: أمينة بنعلي, language: ar}
            - {name: Jean Martin, language: fr}
        - id: panel
          room: plenary
          title: "Care & protection: <what works>"
          start: \(local(60))
          end: \(local(120))
        - id: workshop
          room: atlas
          title: Atelier
          start: \(local(0))
          end: \(local(60))

      """
  }
}
