/// A problem in a configuration file, with where it is and what to do.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file, as given.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// What is wrong and how to fix it.
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, as compilers and editors expect.
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let line = column, self.line != nil { place += ":\(line)" }
    return "\(place): \(message)"
  }
}
