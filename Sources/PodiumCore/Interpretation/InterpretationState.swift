import Foundation

/// The live interpretation state of one room: the floor language set by the chief
/// interpreter (if any) and every booth's state.
public struct InterpretationState: Codable, Equatable, Sendable {
  /// The floor language the chief interpreter set; `nil` follows the speaker.
  public var floorOverride: String?
  /// Live state per booth (booths never touched are absent).
  public var booths: [Booth.ID: BoothState]

  public init(floorOverride: String? = nil, booths: [Booth.ID: BoothState] = [:]) {
    self.floorOverride = floorOverride
    self.booths = booths
  }

  /// The state of a booth, or a fresh one.
  public func booth(_ id: Booth.ID) -> BoothState { booths[id] ?? BoothState() }
}
