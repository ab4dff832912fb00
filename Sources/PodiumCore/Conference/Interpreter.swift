/// A conference interpreter, member of a booth's team.
public struct Interpreter: Codable, Equatable, Identifiable, Sendable {
  public typealias ID = String

  /// A stable identifier, e.g. `amina-benali`.
  public var id: ID
  /// The interpreter's name.
  public var name: String

  /// The field names in the event log and on the wire: chosen, not synthesised.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id = "id", name = "name"
  }

  public init(id: ID, name: String) {
    self.id = id
    self.name = name
  }
}
