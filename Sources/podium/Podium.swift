import ArgumentParser

/// `podium`: the operator's command line.
@main
struct Podium: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium",
    abstract: "Operate podiumd: room status, commands, the event log, reports, backups, configuration checks.",
    subcommands: [
      Status.self, Start.self, Pause.self, Resume.self, End.self, Reopen.self, NextSpeakerCommand.self, Speakers.self,
      AddTimeCommand.self,
      SetThresholdsCommand.self, Message.self, ClearMessageCommand.self, RoomFullCommand.self, RollCommand.self,
      Send.self,
      Events.self,
      Report.self,
      Import.self,
      CheckConfig.self, Backup.self, Restore.self, Relay.self, Keys.self, Tokens.self,
    ])
}
