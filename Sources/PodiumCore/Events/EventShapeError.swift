/// A stored event the code cannot read: an unknown type, a version with no upcaster, or a
/// payload that does not decode. Nothing is guessed: replay stops at it.
public struct EventShapeError: Error, CustomStringConvertible, Sendable {
  /// The stored type name.
  public var type: String
  /// The stored payload version.
  public var version: Int
  /// What is wrong.
  public var reason: String

  public init(type: String, version: Int, reason: String) {
    self.type = type
    self.version = version
    self.reason = reason
  }

  public var description: String { "event '\(type)' version \(version): \(reason)" }
}
