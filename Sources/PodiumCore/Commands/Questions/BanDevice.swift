/// Bans a device: it can no longer ask or vote, and its pending questions are dismissed.
public struct BanDevice: Command {
  public static let name = "banDevice"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [DeviceBanned.self, QuestionDismissed.self]

  /// The opaque device id.
  public var device: String
  /// The moderator, for the event log.
  public var by: String

  public init(device: String, by: String) {
    self.device = device
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case device = "device", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    try context.requireDevice(device)
    let board = context.board
    if board.bannedDevices.contains(device) { return [] }
    let roomId = context.room.id
    let pending = board.questions.values.filter { $0.device == device && $0.state == .pending }
      .sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    return [DeviceBanned(room: roomId, device: device, by: by, at: context.now)]
      + pending.map { QuestionDismissed(room: roomId, question: $0.id, by: by, at: context.now) }
  }
}
