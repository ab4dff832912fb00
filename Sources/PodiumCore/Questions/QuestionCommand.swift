/// What the audience and moderators can do with a room's questions. `by` names the
/// moderator, for the event log.
public enum QuestionCommand: Equatable, Sendable {
  /// The audience asks (the plugin chooses the id and the device's opaque id).
  case submit(id: Question.ID, text: String, name: String?, language: String?, device: String)
  /// The audience votes for an approved question, once per device.
  case vote(Question.ID, device: String)
  /// Approves a question, with an edited text if given.
  case approve(Question.ID, text: String?, by: String)
  /// Edits a question's text.
  case edit(Question.ID, text: String, by: String)
  /// Dismisses a question: never shown, the asker not told.
  case dismiss(Question.ID, by: String)
  case star(Question.ID, starred: Bool, by: String)
  case tag(Question.ID, tags: [String], by: String)
  /// Folds a duplicate into another question: votes add up, texts stay in the log.
  case merge(Question.ID, into: Question.ID, by: String)
  /// Puts an approved question on screen (replacing the one there).
  case show(Question.ID, by: String)
  /// Takes the question off screen.
  case hide(by: String)
  /// Sets (or clears) the question to show next.
  case setNext(Question.ID?, by: String)
  /// Archives a question as answered.
  case answer(Question.ID, by: String)
  /// Brings an answered question back.
  case restore(Question.ID, by: String)
  /// Bans a device: it can no longer ask or vote, and its pending questions go.
  case ban(device: String, by: String)
  /// Opens, pauses or closes intake.
  case setIntake(Intake, by: String)
}
