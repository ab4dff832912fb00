/// Every command the daemon knows, in the order the docs list them. Adding a command
/// means adding its type here; everything else about it is in its own declaration.
public enum CommandCatalogue {
  /// Every command type.
  public static let all: [any Command.Type] = [
    // Stage timing
    StartSession.self, PauseSession.self, ResumeSession.self, EndSession.self, NextSpeaker.self, AddTime.self,
    SetThresholds.self, ShowMessage.self, ClearMessage.self, SetRoomFull.self, ReopenSession.self, SetRoll.self,
    // Speakers of the session on
    AddSpeaker.self, RemoveSpeaker.self, MoveSpeaker.self, SetSpeakingTime.self,
    // Interpretation
    TakeMicrophone.self, RequestHandover.self, AcceptHandover.self, MicrophoneOff.self, Cough.self, SlowDown.self,
    ClearSlowDown.self, MessageChief.self, MessageBooth.self, SetFloorLanguage.self, AssignTeam.self,
    SetTurnLength.self,
    // Audience questions
    SubmitQuestion.self, VoteQuestion.self, ApproveQuestion.self, EditQuestion.self, DismissQuestion.self,
    StarQuestion.self, TagQuestion.self, MergeQuestion.self, ShowQuestion.self, HideQuestion.self,
    SetNextQuestion.self, AnswerQuestion.self, RestoreQuestion.self, BanDevice.self, SetIntake.self,
  ]

  /// The wire names, in catalogue order.
  public static let names: [String] = all.map { $0.name }

  private static let byName: [String: any Command.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// The command type with this wire name.
  public static func named(_ name: String) -> (any Command.Type)? { byName[name] }

  /// The wire names of the commands a sender sends.
  public static func names(sentBy senders: Set<Sender>) -> Set<String> {
    Set(all.filter { senders.contains($0.sender) }.map { $0.name })
  }
}
