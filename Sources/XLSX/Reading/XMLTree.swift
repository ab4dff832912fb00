import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One element of an XML part as a value: local name, attributes, children, text. The parts of
/// a workbook of a few thousand rows are small; a tree keeps their reading plain.
struct XMLTree {
  /// The element's name without a namespace prefix (`c` for `x:c`).
  var name: String
  var attributes: [String: String]
  var children: [XMLTree]
  /// The text directly inside the element.
  var text: String

  /// An attribute by its local name (`id` finds `r:id`).
  subscript(attribute: String) -> String? {
    attributes[attribute] ?? attributes.first { $0.key.hasSuffix(":" + attribute) }?.value
  }

  /// The first child named `name`.
  func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

  /// The children named `name`.
  func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

  /// Parses a part of the package; throws naming the part and the line.
  static func parse(_ data: Data, part: String) throws(XLSXError) -> XMLTree {
    let builder = Builder()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    guard parser.parse(), let root = builder.stack.first?.children.first else {
      let reason = parser.parserError.map { "not well-formed XML (\($0.localizedDescription))" } ?? "no root element"
      throw XLSXError(place: "\(part), line \(parser.lineNumber)", reason: reason)
    }
    return root
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var stack = [XMLTree(name: "", attributes: [:], children: [], text: "")]

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
      stack.append(XMLTree(name: local, attributes: attributes, children: [], text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack[stack.count - 1].text += string
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      let element = stack.removeLast()
      stack[stack.count - 1].children.append(element)
    }
  }
}
