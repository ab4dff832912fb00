import ArgumentParser
import PodiumCore

struct Start: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Start the room's next session (or --session).")
  @OptionGroup var options: RoomCommandOptions
  @Option(help: "The session to start, by id.") var session: String?
  func run() async throws { try await options.send(StartSession(session: session)) }
}

struct Pause: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Pause the countdown.")
  @OptionGroup var options: RoomCommandOptions
  func run() async throws { try await options.send(PauseSession()) }
}

struct Resume: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Resume a paused countdown.")
  @OptionGroup var options: RoomCommandOptions
  func run() async throws { try await options.send(ResumeSession()) }
}

struct End: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "End the session on now.")
  @OptionGroup var options: RoomCommandOptions
  func run() async throws { try await options.send(EndSession()) }
}

struct NextSpeakerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "next-speaker", abstract: "Give the floor to the next speaker.")
  @OptionGroup var options: RoomCommandOptions
  func run() async throws { try await options.send(NextSpeaker()) }
}

struct AddTimeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-time", abstract: "Add or remove time: +1m, -30s, 90 (seconds), +1h.")
  @OptionGroup var options: RoomCommandOptions
  @Argument(parsing: .allUnrecognized, help: "Amount, e.g. +1m, -30s, 90.") var amount: [String]
  func validate() throws {
    guard amount.count == 1 else { throw ValidationError("give one amount, e.g. +1m or -30s") }
  }
  func run() async throws { try await options.send(AddTime(seconds: try DurationText.seconds(amount[0]))) }
}

struct SetThresholdsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-thresholds", abstract: "Set when the countdown turns to warning and danger.")
  @OptionGroup var options: RoomCommandOptions
  @Option(help: "Time left at warning, e.g. 5m.") var warning: String
  @Option(help: "Time left at danger, e.g. 1m.") var danger: String
  func run() async throws {
    try await options.send(
      SetThresholds(warning: try DurationText.seconds(warning), danger: try DurationText.seconds(danger)))
  }
}

struct Message: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Show a message on the speaker's monitor.")
  @OptionGroup var options: RoomCommandOptions
  @Argument(help: "The text.") var text: String = ""
  @Flag(help: "Make it blink.") var blink = false
  @Flag(help: "Black the monitor out.") var blackout = false
  func run() async throws {
    try await options.send(ShowMessage(text: text, blink: blink, blackout: blackout))
  }
}

struct RoomFullCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "room-full",
    abstract: "Say the room is full (door screens and the lobby show it); --off when it no longer is.")
  @OptionGroup var options: RoomCommandOptions
  @Flag(help: "The room is no longer full.") var off = false
  func run() async throws { try await options.send(SetRoomFull(full: !off)) }
}

struct ClearMessageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clear-message", abstract: "Take the message off the speaker's monitor.")
  @OptionGroup var options: RoomCommandOptions
  func run() async throws { try await options.send(ClearMessage()) }
}

/// Reads `+1m`, `-30s`, `90`, `1h30m`, `-2m30s` as seconds.
enum DurationText {
  static func seconds(_ text: String) throws -> Double {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    var sign = 1.0
    if rest.first == "+" || rest.first == "-" || rest.first == "−" {
      sign = rest.first == "+" ? 1 : -1
      rest = rest.dropFirst()
    }
    if let plain = Double(rest) { return sign * plain }
    var total = 0.0
    var number = ""
    for character in rest {
      if character.isNumber || character == "." {
        number.append(character)
        continue
      }
      guard let value = Double(number), let unit = ["h": 3600.0, "m": 60, "s": 1][String(character)] else {
        throw ValidationError("'\(text)' is not a duration; write +1m, -30s, 90 or 1h30m")
      }
      total += value * unit
      number = ""
    }
    guard number.isEmpty, total > 0 else {
      throw ValidationError("'\(text)' is not a duration; write +1m, -30s, 90 or 1h30m")
    }
    return sign * total
  }
}

struct RollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roll",
    abstract: "Make the room roll (its sessions start by themselves when due), hold it, or stop it.")
  @OptionGroup var options: RoomCommandOptions
  @Argument(help: "rolling, held or off.") var mode: RollMode
  func run() async throws { try await options.send(SetRoll(mode: mode)) }
}

extension RollMode: ExpressibleByArgument {}
