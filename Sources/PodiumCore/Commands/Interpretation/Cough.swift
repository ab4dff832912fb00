/// Push-to-mute (cough) pressed or released.
public struct Cough: BoothCommand {
  public static let name = "cough"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [CoughChanged.self]

  /// The booth it acts on.
  public var booth: Booth.ID
  /// Pressed (`true`, the default) or released.
  public var muted: Bool

  public init(booth: Booth.ID, muted: Bool = true) {
    self.booth = booth
    self.muted = muted
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", muted = "muted"
  }

  public init(from decoder: any Decoder) throws {
    let arguments = try decoder.container(keyedBy: CodingKeys.self)
    booth = try arguments.decode(Booth.ID.self, forKey: .booth)
    muted = try arguments.decodeIfPresent(Bool.self, forKey: .muted) ?? true
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    let live = context.boothState(booth.id)
    if live.muted == muted { return [] }
    guard live.onMic != nil || !muted else {
      throw CommandRejection(.notAllowedInState, "no microphone is on in booth '\(booth.id)'; nothing to mute")
    }
    return [CoughChanged(room: context.room.id, booth: booth.id, muted: muted, at: context.now)]
  }
}
