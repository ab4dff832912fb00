import Foundation

/// Sets how long a booth's turns are.
public struct SetTurnLength: BoothCommand {
  public static let name = "setTurnLength"
  public static let sender = Sender.chiefInterpreter
  public static let events: [any Event.Type] = [TurnLengthSet.self]
  /// The shortest and longest turn a booth may be given, in seconds.
  public static let allowed: ClosedRange<TimeInterval> = 5 * 60...2 * 3600

  /// The booth it acts on.
  public var booth: Booth.ID
  /// The turn length, in seconds.
  public var seconds: TimeInterval

  public init(booth: Booth.ID, seconds: TimeInterval) {
    self.booth = booth
    self.seconds = seconds
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case booth = "booth", seconds = "seconds"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let booth = try context.booth(self.booth)
    guard seconds.isFinite, Self.allowed.contains(seconds) else {
      throw CommandRejection(
        .invalidArgument, "a turn lasts 5 to 120 minutes (got \(seconds) seconds)", field: "seconds")
    }
    return [TurnLengthSet(room: context.room.id, booth: booth.id, seconds: seconds)]
  }
}
