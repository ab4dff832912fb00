import Foundation
import PodiumCore

extension RequestEnvelope {
  /// Parses a request body: one UTF-8 JSON object.
  ///
  /// Returns the request, or the error to reply with and the id to echo if one was readable.
  public static func parse(_ body: [UInt8]) -> (id: String?, result: Result<RequestEnvelope, ProtocolError>) {
    guard body.count <= ProtocolVersion.maximumRequestBytes else {
      return (
        nil,
        .failure(
          ProtocolError(
            .messageTooLarge,
            "request is \(body.count) bytes; at most \(ProtocolVersion.maximumRequestBytes) are accepted"))
      )
    }
    guard String(validating: body, as: UTF8.self) != nil else {
      return (nil, .failure(ProtocolError(.malformed, "request body is not valid UTF-8")))
    }
    guard let value = JSONValue(parsing: body), let members = value.object
    else {
      return (nil, .failure(ProtocolError(.malformed, "request body is not a JSON object")))
    }
    let id = members["id"]?.string
    do {
      return (id, .success(try parse(members)))
    } catch let error as ProtocolError {
      return (id, .failure(error))
    } catch {
      return (id, .failure(ProtocolError(.malformed, "\(error)")))
    }
  }

  private static func parse(_ members: [String: JSONValue]) throws -> RequestEnvelope {
    guard let type = members["type"]?.string else {
      throw ProtocolError(
        .malformed, "request needs a string 'type' (hello, clock, snapshot, command, events)", field: "type")
    }
    if let version = members["protocol"], version != .number(Double(ProtocolVersion.current)) {
      throw ProtocolError(
        .unsupportedVersion, "this daemon speaks protocol \(ProtocolVersion.current)", field: "protocol")
    }
    let common: Set<String> = ["type", "id", "protocol", "client"]
    var envelope = try parseRequest(type, members, common: common)
    if let client = members["client"] {
      guard let name = client.string, (1...64).contains(name.count) else {
        throw ProtocolError(.invalidArgument, "'client' must be a name of 1…64 characters", field: "client")
      }
      envelope.client = name
    }
    return envelope
  }

  private static func parseRequest(
    _ type: String, _ members: [String: JSONValue], common: Set<String>
  ) throws -> RequestEnvelope {
    switch type {
    case "hello", "clock":
      let reader = try ArgumentReader(members, context: "a \(type) request", allowed: common)
      return RequestEnvelope(id: try reader.string("id"), request: type == "hello" ? .hello : .clock)
    case "snapshot":
      let reader = try ArgumentReader(members, context: "a snapshot request", allowed: common.union(["prefix"]))
      return RequestEnvelope(id: try reader.string("id"), request: .snapshot(prefix: try reader.string("prefix") ?? ""))
    case "events":
      let reader = try ArgumentReader(members, context: "an events request", allowed: common.union(["after", "limit"]))
      let after = try reader.number("after") ?? 0
      let limit = try reader.number("limit") ?? 100
      guard after >= 0, after == after.rounded(), after < 9e15 else {
        throw ProtocolError(.invalidArgument, "'after' must be a whole number ≥ 0", field: "after")
      }
      guard limit >= 1, limit <= 1000, limit == limit.rounded() else {
        throw ProtocolError(.invalidArgument, "'limit' must be a whole number from 1 to 1000", field: "limit")
      }
      return RequestEnvelope(id: try reader.string("id"), request: .events(after: Int64(after), limit: Int(limit)))
    case "command":
      let reader = try ArgumentReader(
        members, context: "a command request", allowed: common.union(["room", "command", "args"]))
      let id = try reader.requiredString("id")
      guard !id.isEmpty, id.count <= 128 else {
        throw ProtocolError(.invalidArgument, "'id' must be 1…128 characters", field: "id")
      }
      let command = try CommandCoding.decode(
        name: try reader.requiredString("command"), room: try reader.requiredString("room"),
        args: try reader.object("args") ?? [:])
      return RequestEnvelope(id: id, request: .command(id: id, command))
    default:
      throw ProtocolError(
        .unknownType, "unknown request type '\(type)' (known: hello, clock, snapshot, command, events)", field: "type")
    }
  }
}
