import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol

/// The OpenAPI 3.1 document of the control bridge's HTTP API, written from the commands'
/// declarations (one operation per command a control surface may send, its body the command's
/// arguments as the daemon decodes them) and from `RoomVariables`. Served at
/// `/api/v1/openapi.json`; `docs/control-api.json` is its copy (`podium-control --openapi`).
enum ControlAPIDocument {
  /// The document, as pretty JSON with sorted keys.
  static var text: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The commands a control surface may send: all but the audience's.
  static var commands: [any Command.Type] { CommandCatalogue.all.filter { $0.sender != .audience } }

  static var document: JSONValue {
    var paths: [String: JSONValue] = [
      "/api/v1/rooms": object(
        "get",
        operation(
          "listRooms", summary: "Every room the token may act in, with its variables.", tag: "rooms",
          parameters: [], ok: reference("RoomList"))),
      "/api/v1/rooms/{room}": object(
        "get",
        operation(
          "getRoom", summary: "One room's variables, as of now on the daemon's clock.", tag: "rooms",
          parameters: [roomParameter], ok: reference("RoomVariables"))),
    ]
    for command in commands {
      paths["/api/v1/rooms/{room}/commands/\(command.name)"] = object("post", commandOperation(command))
    }
    return .object([
      "openapi": .string("3.1.0"),
      "info": .object([
        "title": .string("Podium control bridge"),
        "version": .string("1"),
        "description": .string(
          "Rooms' live variables and their commands for control surfaces (Bitfocus Companion, QLab, "
            + "TouchOSC). Every change goes through the daemon, which validates it, logs it and answers; "
            + "see docs/CONTROL.md. Live variables: WebSocket at /api/v1/rooms/{room}/live."),
      ]),
      "servers": .array([.object(["url": .string("/")])]),
      "security": .array([.object(["bearer": .array([])])]),
      "paths": .object(paths),
      "components": .object([
        "securitySchemes": object(
          "bearer",
          .object([
            "type": .string("http"), "scheme": .string("bearer"),
            "description": .string(
              "A login token (`podium tokens new NAME --role operator [--room ROOM]`); none on loopback "
                + "without a web-tokens.yaml."),
          ])),
        "schemas": .object([
          "RoomVariables": variablesSchema, "RoomList": roomListSchema, "Result": resultSchema,
          "Acknowledgement": acknowledgementSchema, "Failure": failureSchema,
        ]),
      ]),
    ])
  }

  private static func commandOperation(_ command: any Command.Type) -> JSONValue {
    let schema = ArgumentSchema.of(command)
    var properties: [String: JSONValue] = [:]
    for argument in schema.arguments {
      properties[argument.name] = argumentSchema(argument)
    }
    let body = JSONValue.object([
      "type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false),
      "required": .array(schema.arguments.filter(\.required).map { .string($0.name) }),
    ])
    var operation = operation(
      command.name,
      summary: "\(command.name): \(command.sender.possessive) command (docs/PROTOCOL.md §6).",
      tag: tag(of: command.sender), parameters: [roomParameter], ok: reference("Result"))
    if case .object(var members) = operation {
      members["requestBody"] = .object([
        "required": .bool(true),
        "content": object("application/json", object("schema", body)),
      ])
      operation = .object(members)
    }
    return operation
  }

  /// An argument's JSON Schema from its wire type (`ArgumentSchema`); an optional one may be null.
  private static func argumentSchema(_ argument: ArgumentSchema.Argument) -> JSONValue {
    var schema: [String: JSONValue]
    switch argument.type {
    case "string": schema = ["type": .string("string")]
    case "boolean": schema = ["type": .string("boolean")]
    case "number": schema = ["type": .string("number")]
    case "whole number": schema = ["type": .string("integer")]
    case "instant": schema = ["type": .string("string"), "format": .string("date-time")]
    case "array of strings": schema = ["type": .string("array"), "items": object("type", .string("string"))]
    case let cases where cases.hasPrefix("\""):
      let names = cases.split(separator: "|").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
      schema = ["type": .string("string"), "enum": .array(names.map { .string($0) })]
    default: schema = [:]
    }
    if !argument.required, let type = schema["type"] {
      schema["type"] = .array([type, .string("null")])
      if case .array(let names)? = schema["enum"] { schema["enum"] = .array(names + [.null]) }
    }
    return .object(schema)
  }

  private static func tag(of sender: Sender) -> String {
    switch sender {
    case .operator: "stage"
    case .booth, .chiefInterpreter: "interpretation"
    case .moderator, .audience: "questions"
    }
  }

  private static func operation(
    _ id: String, summary: String, tag: String, parameters: [JSONValue], ok: JSONValue
  ) -> JSONValue {
    var responses: [String: JSONValue] = ["200": response("Done.", ok)]
    let refusals = [
      ("400", "The request or its arguments are not valid (the message names the field)."),
      ("401", "No token, or one that is not valid."), ("403", "The token may not do this (role, room or booth)."),
      ("404", "No such room (or session, booth)."), ("409", "Not possible in the room's state now."),
      ("413", "The body is over 16 384 bytes."), ("415", "The body is not application/json."),
      ("429", "Too many requests from this address."), ("503", "The daemon cannot be reached."),
    ]
    for (status, description) in refusals { responses[status] = response(description, reference("Result")) }
    return .object([
      "operationId": .string(id), "summary": .string(summary), "tags": .array([.string(tag)]),
      "parameters": .array(parameters), "responses": .object(responses),
    ])
  }

  private static func response(_ description: String, _ schema: JSONValue) -> JSONValue {
    .object(["description": .string(description), "content": object("application/json", object("schema", schema))])
  }

  private static let roomParameter = JSONValue.object([
    "name": .string("room"), "in": .string("path"), "required": .bool(true),
    "description": .string("The room's id in the conference file."),
    "schema": .object(["type": .string("string"), "pattern": .string("^[a-z0-9][a-z0-9_-]{0,63}$")]),
  ])

  /// Each variable (named by `RoomVariables`' own keys): its JSON Schema and what it says.
  static let variables: [(key: RoomVariables.CodingKeys, type: JSONValue, description: String)] = [
    (.room, type("string"), "The room's id."),
    (.roomName, type("string"), "The room's name."),
    (.connected, type("boolean"), "Whether the bridge reaches the daemon (false: the last known values)."),
    (.asOf, dateTime, "The daemon's instant these values are for."),
    (.phase, enumeration(["idle", "normal", "warning", "danger", "overtime"]), "How close the session is to its end."),
    (.running, type("boolean"), "A session is on (running or paused)."),
    (.paused, type("boolean"), "Its timer is paused."),
    (.onAir, type("boolean"), "A session is on and its timer runs."),
    (.timeLeft, type("string"), "Time left, mm:ss (-mm:ss over time); empty when idle."),
    (.timeLeftSeconds, type("integer"), "Time left in seconds, rounded up; negative over time."),
    (.elapsed, type("string"), "Time elapsed, mm:ss; empty when idle."),
    (.elapsedSeconds, type("integer"), "Time elapsed in whole seconds."),
    (.lateMinutes, type("integer"), "How late the room runs, in minutes (negative: early)."),
    (
      .slotPhase, enumeration(["idle", "normal", "warning", "danger", "overtime"]),
      "The speaker's own slot: idle when they have no speaking time."
    ),
    (.slotTimeLeft, type("string"), "Time left of the speaker's slot, mm:ss; empty without one."),
    (.slotTimeLeftSeconds, type("integer"), "Its seconds left, rounded up; negative when they run over; 0 without."),
    (.slotAllottedSeconds, type("integer"), "The speaker's speaking time in seconds; 0 without one."),
    (.currentTitle, type("string"), "The session on now."),
    (.currentSpeaker, type("string"), "Who speaks now."),
    (.nextSpeaker, type("string"), "Who speaks after."),
    (.floorLanguage, type("string"), "The language on the floor (code)."),
    (.nextTitle, type("string"), "The next session."),
    (.nextSessionSpeaker, type("string"), "The next session's first speaker."),
    (.nextStart, type("string"), "The next session's expected start, HH:mm in the conference's zone."),
    (.nextStartDay, type("string"), "Its day, yyyy-MM-dd."),
    (
      .nextStartAt, .object(["type": .array([.string("string"), .string("null")]), "format": .string("date-time")]),
      "Its instant (absent without a next session)."
    ),
    (.message, type("string"), "The message on the speaker's monitor."),
    (.messageBlink, type("boolean"), "Whether it blinks."),
    (.blackout, type("boolean"), "Whether the monitor is blacked out."),
    (.roomFull, type("boolean"), "Whether the room is marked full."),
    (.slowDown, type("boolean"), "Whether a booth asks the speaker to slow down."),
    (.boothsOnMic, type("string"), "Booths on mic in words: `ar Salma · fr Jean`."),
    (.booths, .object(["type": .string("array"), "items": boothSchema]), "Every booth of the room."),
    (.questionOnScreen, type("string"), "The audience question on screen."),
  ]

  private static var variablesSchema: JSONValue {
    var properties: [String: JSONValue] = [:]
    for variable in variables {
      guard case .object(var schema) = variable.type else { continue }
      schema["description"] = .string(variable.description)
      properties[variable.key.stringValue] = .object(schema)
    }
    return strictObject(
      properties, required: variables.map(\.key).filter { $0 != .nextStartAt }.map(\.stringValue))
  }

  private static var boothSchema: JSONValue {
    typealias Key = RoomVariables.BoothLine.CodingKeys
    let types: [Key: String] = [
      .booth: "string", .language: "string", .onMic: "string", .muted: "boolean", .slowDown: "boolean",
      .turnLeftSeconds: "integer",
    ]
    var properties: [String: JSONValue] = [:]
    for key in Key.allCases { properties[key.stringValue] = type(types[key] ?? "string") }
    return strictObject(properties, required: Key.allCases.map(\.stringValue))
  }

  private static var roomListSchema: JSONValue {
    strictObject(
      ["rooms": .object(["type": .string("array"), "items": reference("RoomVariables")])], required: ["rooms"])
  }

  private static var resultSchema: JSONValue {
    strictObject(
      ["ok": type("boolean"), "ack": reference("Acknowledgement"), "error": reference("Failure")], required: ["ok"])
  }

  private static var acknowledgementSchema: JSONValue {
    strictObject(
      [
        "type": .object(["const": .string("ack")]), "id": type("string"), "seq": type("integer"),
        "events": .object([
          "type": .string("array"),
          "items": strictObject(["seq": type("integer"), "type": type("string")], required: ["seq", "type"]),
        ]),
        "duplicate": type("boolean"),
      ], required: ["type", "id", "seq", "events", "duplicate"])
  }

  private static var failureSchema: JSONValue {
    strictObject(
      [
        "type": .object(["const": .string("error")]), "id": type("string"),
        "code": enumeration(ErrorCode.allCases.map(\.rawValue)), "message": type("string"), "field": type("string"),
      ], required: ["type", "code", "message"])
  }

  private static func strictObject(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
    .object([
      "type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false),
      "required": .array(required.map { .string($0) }),
    ])
  }

  private static func type(_ name: String) -> JSONValue { .object(["type": .string(name)]) }
  private static let dateTime = JSONValue.object(["type": .string("string"), "format": .string("date-time")])
  private static func enumeration(_ names: [String]) -> JSONValue {
    .object(["type": .string("string"), "enum": .array(names.map { .string($0) })])
  }
  private static func reference(_ name: String) -> JSONValue { object("$ref", .string("#/components/schemas/\(name)")) }
  private static func object(_ key: String, _ value: JSONValue) -> JSONValue { .object([key: value]) }
}
