import ArgumentParser
import PodiumCore

/// `podium speakers …`: the speakers of the session on, changed live.
struct Speakers: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Change the speakers of the session on: add, remove, move, or set a speaking time.",
    discussion: """
      Positions count from 0 (the first speaker); those who spoke and the speaker with the floor stay where \
      they are. `podium status --json` shows the lineup (`current.lineup`).
      """,
    subcommands: [Add.self, Remove.self, Move.self, Time.self])

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a speaker (last, or at --position).")
    @OptionGroup var options: RoomCommandOptions
    @Argument(help: "The speaker's name.") var name: String
    @Option(help: "The language they speak (a conference language code).") var language: String?
    @Option(help: "Role or affiliation.") var affiliation: String?
    @Option(help: "Speaking time, e.g. 7m or 5m30s.") var time: String?
    @Option(help: "Position in the lineup (default: last).") var position: Int?
    func run() async throws {
      try await options.send(
        AddSpeaker(
          speaker: name, language: language, affiliation: affiliation, seconds: try time.map(DurationText.seconds),
          position: position))
    }
  }

  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take out a speaker who has not spoken.")
    @OptionGroup var options: RoomCommandOptions
    @Argument(help: "Their position in the lineup.") var position: Int
    func run() async throws { try await options.send(RemoveSpeaker(position: position)) }
  }

  struct Move: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Move a speaker to come to another place.")
    @OptionGroup var options: RoomCommandOptions
    @Argument(help: "Their position now.") var from: Int
    @Argument(help: "The position they get.") var to: Int
    func run() async throws { try await options.send(MoveSpeaker(from: from, to: to)) }
  }

  struct Time: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set a speaker's speaking time (e.g. 7m), or --none to take it away.")
    @OptionGroup var options: RoomCommandOptions
    @Argument(help: "Their position in the lineup.") var position: Int
    @Argument(help: "The speaking time, e.g. 7m or 5m30s.") var time: String?
    @Flag(help: "No speaking time.") var none = false
    func validate() throws {
      guard (time == nil) == none else { throw ValidationError("give a speaking time, or --none") }
    }
    func run() async throws {
      try await options.send(SetSpeakingTime(position: position, seconds: try time.map(DurationText.seconds)))
    }
  }
}

struct Reopen: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reopen the session ended last, ended by mistake (while its time lasts, before another starts).")
  @OptionGroup var options: RoomCommandOptions
  func run() async throws { try await options.send(ReopenSession()) }
}
