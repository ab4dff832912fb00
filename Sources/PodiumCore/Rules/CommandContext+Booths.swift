import Foundation

extension CommandContext {
  /// The room's booth `id`, or `unknown_booth` naming the booths it has.
  func booth(_ id: Booth.ID) throws -> Booth {
    guard let booth = room.booths.first(where: { $0.id == id }) else {
      let known = room.booths.map(\.id).joined(separator: ", ")
      throw CommandRejection(
        .unknownBooth, "no booth '\(id)' in room '\(room.id)' (booths: \(known.isEmpty ? "none" : known))",
        field: "booth")
    }
    return booth
  }

  /// The live state of booth `id`.
  func boothState(_ id: Booth.ID) -> BoothState { interpretation.booth(id) }

  /// The microphone of `booth` goes to `interpreter`: whoever is live is cut off first
  /// (one live microphone per booth).
  func microphone(of booth: Booth, to interpreter: Interpreter.ID) -> [any Event] {
    let cutOff: [any Event] =
      boothState(booth.id).onMic.map { [TurnEnded(room: room.id, booth: booth.id, interpreter: $0, at: now)] } ?? []
    return cutOff + [TurnStarted(room: room.id, booth: booth.id, interpreter: interpreter, at: now)]
  }

  /// Refuses an interpreter who is not in the booth's team now.
  func requireMember(_ interpreter: Interpreter.ID, of booth: Booth, field: String) throws {
    let team = boothState(booth.id).team(of: booth)
    guard team.contains(interpreter) else {
      throw CommandRejection(
        .invalidArgument,
        "'\(interpreter)' is not in booth '\(booth.id)''s team (team: \(team.joined(separator: ", ")))", field: field)
    }
  }

  /// The text of a message between a booth and the chief, trimmed, or why it cannot be sent.
  func boothMessageText(_ text: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw CommandRejection(.invalidArgument, "the message is empty", field: "text") }
    guard trimmed.count <= BoothMessage.maximumLength else {
      throw CommandRejection(
        .invalidArgument,
        "the message is \(trimmed.count) characters; at most \(BoothMessage.maximumLength) are allowed",
        field: "text")
    }
    return trimmed
  }
}
