/// Whose workload, where, on which day (`yyyy-MM-dd` in the conference's time zone).
public struct WorkloadKey: Codable, Hashable, Sendable, Comparable {
  public var interpreter: Interpreter.ID
  public var room: Room.ID
  public var booth: Booth.ID
  public var day: String

  public init(interpreter: Interpreter.ID, room: Room.ID, booth: Booth.ID, day: String) {
    self.interpreter = interpreter
    self.room = room
    self.booth = booth
    self.day = day
  }

  public static func < (a: WorkloadKey, b: WorkloadKey) -> Bool {
    (a.day, a.interpreter, a.room, a.booth) < (b.day, b.interpreter, b.room, b.booth)
  }
}
