import OSC
import PodiumCore
import PodiumPluginKit

/// A room's variables as OSC messages, one per variable: `/podium/<room>/<variable>` with the
/// variable's name in lower case (`timeleft ,s "04:59"`, `timeleftseconds ,i 299`, `onair ,i 1`,
/// `phase ,s "warning"`), yes/no as 1/0, and each booth's under `/podium/<room>/booths/<booth>/`.
/// The instants (`asOf`, `nextStartAt`) stay out: `nextstart` says the time of day.
enum OSCVariables {
  /// The variables OSC does not carry: the room (in the address), instants, the booths' list.
  static let left = ["room", "asOf", "nextStartAt", "booths"]

  /// The variables that change as time passes (the countdown, the booths' turns).
  static let clock = [
    "timeleft", "timeleftseconds", "elapsed", "elapsedseconds", "phase", "slottimeleft", "slottimeleftseconds",
    "slotphase", "turnleftseconds",
  ]

  /// Whether `address` is one of the `clock` variables.
  static func isClock(_ address: String) -> Bool {
    clock.contains(address.split(separator: "/").last.map(String.init) ?? "")
  }

  /// The messages of `variables`, in their declaration order.
  static func messages(_ variables: RoomVariables) -> [OSCMessage] {
    let base = "/\(OSCCommand.root)/\(variables.room)"
    var messages = flat(variables, keys: RoomVariables.CodingKeys.allCases.map(\.stringValue), under: base)
    for booth in variables.booths {
      messages += flat(
        booth, keys: RoomVariables.BoothLine.CodingKeys.allCases.map(\.stringValue).filter { $0 != "booth" },
        under: "\(base)/booths/\(booth.booth)")
    }
    return messages
  }

  private static func flat(_ value: some Encodable, keys: [String], under base: String) -> [OSCMessage] {
    guard let members = (try? JSONValue(encoding: value))?.object else { return [] }
    return keys.filter { !left.contains($0) }.compactMap { key in
      guard let argument = members[key].flatMap(argument) else { return nil }
      return OSCMessage("\(base)/\(key.lowercased())", [argument])
    }
  }

  /// A JSON scalar as one OSC argument: text `s`, whole numbers `i`, other numbers `f`, yes/no `i` 1/0.
  private static func argument(_ value: JSONValue) -> OSCArgument? {
    switch value {
    case .string(let text): return .string(text)
    case .bool(let flag): return .int32(flag ? 1 : 0)
    case .number(let number):
      if number == number.rounded(), abs(number) < Double(Int32.max) { return .int32(Int32(number)) }
      return .float(Float(number))
    default: return nil
    }
  }
}
