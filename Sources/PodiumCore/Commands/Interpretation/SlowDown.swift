/// The booth asks the speaker to slow down, or withdraws the request.
public struct SlowDown: BoothCommand {
  public static let name = "slowDown"
  public static let sender = Sender.booth
  public static let events: [any Event.Type] = [SlowDownChanged.self]

  /// The booth it acts on.
  public var booth: Booth.ID
  /// Asks (`true`, the default) or withdraws.
  public var active: Bool

  public init(booth: Booth.ID, active: Bool = true) {
    self.booth = booth
    self.active = active
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", active = "active"
  }

  public init(from decoder: any Decoder) throws {
    let arguments = try decoder.container(keyedBy: CodingKeys.self)
    booth = try arguments.decode(Booth.ID.self, forKey: .booth)
    active = try arguments.decodeIfPresent(Bool.self, forKey: .active) ?? true
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    if (context.boothState(booth.id).slowDownSince != nil) == active { return [] }
    return [SlowDownChanged(room: context.room.id, booth: booth.id, active: active, at: context.now)]
  }
}
