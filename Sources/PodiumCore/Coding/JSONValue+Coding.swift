import Foundation

extension JSONValue {
  /// The JSON value of an encodable value, with Podium's conventions.
  public init<T: Encodable>(encoding value: T) throws {
    let data = try PodiumJSON.encoder().encode(value)
    guard let parsed = JSONValue(parsing: Array(data)) else {
      throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not one JSON text"))
    }
    self = parsed
  }

  /// A typed value decoded from this JSON value.
  public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try PodiumJSON.decoder().decode(type, from: try PodiumJSON.encoder().encode(self))
  }
}
