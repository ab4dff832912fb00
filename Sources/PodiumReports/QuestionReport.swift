import Foundation
import PodiumCore

/// Every audience question with its history, from the event log: submitted, edited (old
/// and new text), merged, approved, shown, answered, votes, and who did what.
public struct QuestionReport: Sendable {
  /// One step in a question's life.
  public struct Step: Sendable, Equatable {
    public var at: Date
    /// The event's name, e.g. `questionApproved`.
    public var what: String
    /// The moderator, when one acted.
    public var by: String?
    /// What changed, e.g. the new text or the question merged into.
    public var detail: String?
  }

  /// One question as it ended up, with its steps.
  public struct Entry: Sendable {
    public var question: Question
    public var history: [Step]
  }

  public var conference: Conference
  public var entries: [Entry]

  /// The report from the log's events in order, for one session (or all); nil without a conference.
  public init?<S: Sequence>(events: S, session: Session.ID? = nil) where S.Element == (at: Date, event: AnyEvent) {
    var state = ConferenceState()
    var history: [String: [Step]] = [:]
    var order: [(room: Room.ID, id: Question.ID)] = []
    for (at, event) in events {
      state.apply(event)
      guard let room = event.roomId else { continue }
      let what = event.type
      func record(_ id: Question.ID, by: String? = event.moderator, detail: String? = nil) {
        history["\(room)/\(id)", default: []].append(Step(at: at, what: what, by: by, detail: detail))
      }
      switch event.event {
      case let submitted as QuestionSubmitted:
        order.append((room, submitted.question.id))
        record(submitted.question.id, detail: submitted.question.held.map { "held: \($0)" })
      case is QuestionVoted, is VotesMerged:
        continue  // counted in votes; one line each would drown the history
      case let shown as QuestionShown:
        record(shown.question)
      case let edited as QuestionEdited:
        record(edited.question, detail: edited.text)
      case let merged as QuestionMerged:
        record(merged.question, detail: "into \(merged.into)")
      case let tagged as QuestionTagged:
        record(tagged.question, detail: tagged.tags.joined(separator: ", "))
      default:
        if let id = event.questionId { record(id) }
      }
    }
    guard let conference = state.conference else { return nil }
    self.conference = conference
    entries = order.compactMap { room, id in
      guard let question = state.board(room).questions[id], session == nil || question.session == session else {
        return nil
      }
      return Entry(question: question, history: history["\(room)/\(id)"] ?? [])
    }
  }

  /// One line per question; `history` lists the steps as `time what [by] [detail]`, separated by ` | `.
  public var csv: String {
    let header = [
      "room", "session", "question", "submitted_at", "state", "votes", "language", "name", "text", "held", "starred",
      "tags", "merged_into", "history",
    ]
    let rows = entries.map { entry in
      let question = entry.question
      let steps = entry.history.map { step in
        [localISO(step.at), step.what, step.by.map { "by \($0)" }, step.detail].compactMap { $0 }.joined(separator: " ")
      }
      return [
        question.room, question.session ?? "", question.id, localISO(question.submittedAt), question.state.rawValue,
        String(question.votes), question.language ?? "", question.name ?? "", question.text, question.held ?? "",
        question.starred ? "yes" : "", question.tags.joined(separator: " "), question.mergedInto ?? "",
        steps.joined(separator: " | "),
      ].map(CSVField.quoted).joined(separator: ",")
    }
    return ([header.joined(separator: ",")] + rows).joined(separator: "\r\n") + "\r\n"
  }

  /// `2026-06-25T09:00:00+01:00` in the conference's time zone.
  public func localISO(_ date: Date) -> String {
    let zone = TimeZone(identifier: conference.timeZone) ?? TimeZone(secondsFromGMT: 0)!
    let style = Date.ISO8601FormatStyle(timeZone: zone).year().month().day().time(includingFractionalSeconds: false)
      .timeZone(separator: .colon)
    return date.formatted(style)
  }
}
