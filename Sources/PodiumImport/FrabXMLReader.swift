import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML element with its line, attributes, text and children.
final class XMLNode {
  let name: String
  let attributes: [String: String]
  let line: Int
  /// The element's string value: all the text inside it, its children's included.
  var text = ""
  var children: [XMLNode] = []

  init(name: String, attributes: [String: String], line: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
  }

  func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
  func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
  /// The text of a child element, if there is one.
  func value(_ name: String) -> String? { child(name)?.text }
}

/// Builds the element tree with `XMLParser`, keeping line numbers for messages.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
  var stack: [XMLNode] = []
  var root: XMLNode?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    let node = XMLNode(name: elementName, attributes: attributeDict, line: parser.lineNumber)
    if let parent = stack.last { parent.children.append(node) } else { root = node }
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    _ = stack.popLast()
  }

  // Every open element gets the text: an element's `text` is its whole string value, in document
  // order, so that a title with stray unescaped markup (`<title>A <b>B</b></title>`) reads `A B`.
  func parser(_ parser: XMLParser, foundCharacters string: String) {
    for node in stack { node.text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
    let string = String(decoding: cdataBlock, as: UTF8.self)
    for node in stack { node.text += string }
  }
}

/// Reads frab / pretalx `schedule.xml`.
struct FrabXMLReader {
  var file: String
  /// The conference's time zone when the person importing gave one (it wins over the file's).
  var givenTimeZone: String?

  func read(_ data: Data, warnings: inout [ImportWarning]) throws -> RawSchedule {
    let root = try tree(data)
    guard root.name == "schedule" else {
      throw ImportError(
        file: file, place: "line \(root.line), <\(root.name)>", reason: "expected a <schedule> root element")
    }
    let conference = root.child("conference")
    let days = root.children("day")
    guard !days.isEmpty else {
      throw ImportError(file: file, place: "line \(root.line), <schedule>", reason: "no <day> elements")
    }
    let sampleOffset = days.lazy.flatMap { $0.children("room") }.flatMap { $0.children("event") }
      .compactMap { $0.value("date").flatMap(LocalDateTime.init)?.offset }.first
    let (zoneName, zone) = try TimeZones.resolve(
      name: conference?.value("time_zone_name"), given: givenTimeZone, sampleOffset: sampleOffset, file: file,
      place: "line \(conference?.child("time_zone_name")?.line ?? conference?.line ?? root.line), <time_zone_name>",
      warnings: &warnings)
    let resolver = FrabEventResolver(file: file, zone: zone)

    var roomNames: [String] = []
    var events: [RawEvent] = []
    for day in days {
      for room in day.children("room") {
        let roomName = Text.collapseWhitespace(room.attributes["name"] ?? "")
        if !roomNames.contains(roomName) { roomNames.append(roomName) }
        for event in room.children("event") {
          var persons: [(name: String, language: String?)] = []
          for list in event.children("persons") {
            persons += list.children("person").map {
              (name: $0.attributes["public_name"] ?? $0.text, language: $0.attributes["language"])
            }
          }
          let eventRoom = event.value("room").map(Text.collapseWhitespace) ?? ""
          let fields = FrabEventFields(
            place: "line \(event.line), <event id='\(event.attributes["id"] ?? "")'>",
            guid: event.attributes["guid"], id: event.attributes["id"], slug: event.value("slug"),
            code: event.attributes["code"], date: event.value("date"), start: event.value("start"),
            duration: event.value("duration"), room: eventRoom.isEmpty ? roomName : eventRoom,
            title: event.value("title"), language: event.value("language"), persons: persons,
            dayDate: day.attributes["date"], dayStart: day.attributes["start"])
          events.append(try resolver.resolve(fields, warnings: &warnings))
        }
      }
    }
    return RawSchedule(
      id: conference?.value("acronym"), name: conference?.value("title"), timeZone: zoneName,
      roomNames: roomNames.filter { !$0.isEmpty }, events: events)
  }

  private func tree(_ data: Data) throws -> XMLNode {
    let parser = XMLParser(data: data)
    let builder = XMLTreeBuilder()
    parser.delegate = builder
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let ok = parser.parse()
    let open = builder.stack.last.map { ", in <\($0.name)> opened on line \($0.line)" } ?? ""
    if !ok {
      let code = (parser.parserError as NSError?)?.code ?? 0
      let kind = XMLParser.ErrorCode(rawValue: code).map { "\($0)" } ?? "error \(code)"
      throw ImportError(
        file: file, place: "line \(parser.lineNumber), column \(parser.columnNumber)\(open)",
        reason: "malformed XML (\(kind))")
    }
    guard let root = builder.root else {
      throw ImportError(file: file, place: "line 1", reason: "no XML element")
    }
    if !builder.stack.isEmpty {
      throw ImportError(
        file: file, place: "line \(parser.lineNumber)\(open)", reason: "malformed XML: the document ends early")
    }
    return root
  }
}
