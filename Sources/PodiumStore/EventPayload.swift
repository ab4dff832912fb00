import Foundation
import PodiumCore

/// The stored shape of an event: its type, the version of its payload, and the payload,
/// a JSON object whose field names are the event's `CodingKeys`. Reading raises an older
/// payload to the current version, one `upcast` per version step.
public enum EventPayload {
  /// The payload of `event`, as stored.
  public static func encode(_ event: AnyEvent) throws -> String {
    String(decoding: try PodiumJSON.encoder().encode(event.event), as: UTF8.self)
  }

  /// The event a stored type, version and payload describe.
  public static func decode(type: String, version: Int, payload: String) throws -> AnyEvent {
    guard let eventType = EventCatalogue.named(type) else {
      throw EventShapeError(type: type, version: version, reason: "no such event type")
    }
    return try decode(eventType, version: version, payload: Data(payload.utf8))
  }

  /// The event of type `E` a stored version and payload describe.
  public static func decode<E: Event>(_ type: E.Type, version: Int, payload: Data) throws -> AnyEvent {
    do {
      if version == E.version {
        return AnyEvent(try PodiumJSON.decoder().decode(E.self, from: payload))
      }
      let object = try JSONDecoder().decode(JSONValue.self, from: payload).object ?? [:]
      return AnyEvent(try JSONValue.object(try upcast(type, object, from: version)).decode(E.self))
    } catch let error as EventShapeError {
      throw error
    } catch {
      throw EventShapeError(type: E.type, version: version, reason: "the payload does not decode: \(error)")
    }
  }

  private static func upcast<E: Event>(
    _ type: E.Type, _ payload: [String: JSONValue], from version: Int
  ) throws -> [String: JSONValue] {
    guard version <= E.version else {
      throw EventShapeError(
        type: E.type, version: version, reason: "written by a newer release (this one reads up to \(E.version))")
    }
    var payload = payload
    for step in version..<E.version { payload = try E.upcast(payload, from: step) }
    return payload
  }
}
