/// The booth's microphone goes off (nothing happens when it is off).
public struct MicrophoneOff: BoothCommand {
  public static let name = "micOff"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [TurnEnded.self]

  /// The booth it acts on.
  public var booth: Booth.ID

  public init(booth: Booth.ID) {
    self.booth = booth
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    guard let onMic = context.boothState(booth.id).onMic else { return [] }
    return [TurnEnded(room: context.room.id, booth: booth.id, interpreter: onMic, at: context.now)]
  }
}
