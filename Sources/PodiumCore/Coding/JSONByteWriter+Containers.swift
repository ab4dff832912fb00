import Foundation

/// An object being written by a `JSONByteWriter`.
struct JSONByteObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let writer: JSONByteWriter
  let frame: Int
  var codingPath: [any CodingKey] { [] }

  func encodeNil(forKey key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    writer.writeNull()
  }
  func encode(_ value: Bool, forKey key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    writer.writeBool(value)
  }
  func encode(_ value: String, forKey key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    writer.writeString(value)
  }
  func encode(_ value: Double, forKey key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    try writer.writeDouble(value)
  }
  func encode(_ value: Float, forKey key: Key) throws { try encode(Double("\(value)")!, forKey: key) }
  func encode(_ value: Int, forKey key: Key) throws { try integer(Int64(value), key) }
  func encode(_ value: Int8, forKey key: Key) throws { try integer(Int64(value), key) }
  func encode(_ value: Int16, forKey key: Key) throws { try integer(Int64(value), key) }
  func encode(_ value: Int32, forKey key: Key) throws { try integer(Int64(value), key) }
  func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
  func encode(_ value: UInt, forKey key: Key) throws { try unsigned(UInt64(value), key) }
  func encode(_ value: UInt8, forKey key: Key) throws { try unsigned(UInt64(value), key) }
  func encode(_ value: UInt16, forKey key: Key) throws { try unsigned(UInt64(value), key) }
  func encode(_ value: UInt32, forKey key: Key) throws { try unsigned(UInt64(value), key) }
  func encode(_ value: UInt64, forKey key: Key) throws { try unsigned(value, key) }
  func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    try writer.write(value)
  }

  private func integer(_ value: Int64, _ key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    writer.writeInteger(value)
  }
  private func unsigned(_ value: UInt64, _ key: Key) throws {
    try writer.beginMember(of: frame, key: key.stringValue)
    writer.writeUnsigned(value)
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = writer.openNested(object: true) { try writer.beginMember(of: frame, key: key.stringValue) }
    return KeyedEncodingContainer(JSONByteObject<NestedKey>(writer: writer, frame: nested))
  }
  func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    JSONByteArray(
      writer: writer,
      frame: writer.openNested(object: false) { try writer.beginMember(of: frame, key: key.stringValue) })
  }
  func superEncoder() -> any Encoder { writer.refusal() }
  func superEncoder(forKey key: Key) -> any Encoder { writer.refusal() }
}

/// An array being written by a `JSONByteWriter`.
struct JSONByteArray: UnkeyedEncodingContainer {
  let writer: JSONByteWriter
  let frame: Int
  var codingPath: [any CodingKey] { [] }
  var count: Int { writer.count(of: frame) }

  mutating func encodeNil() throws {
    try writer.beginElement(of: frame)
    writer.writeNull()
  }
  mutating func encode(_ value: Bool) throws {
    try writer.beginElement(of: frame)
    writer.writeBool(value)
  }
  mutating func encode(_ value: String) throws {
    try writer.beginElement(of: frame)
    writer.writeString(value)
  }
  mutating func encode(_ value: Double) throws {
    try writer.beginElement(of: frame)
    try writer.writeDouble(value)
  }
  mutating func encode(_ value: Float) throws { try encode(Double("\(value)")!) }
  mutating func encode(_ value: Int) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int8) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int16) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int32) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int64) throws { try integer(value) }
  mutating func encode(_ value: UInt) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt8) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt16) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt32) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt64) throws { try unsigned(value) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try writer.beginElement(of: frame)
    try writer.write(value)
  }

  private func integer(_ value: Int64) throws {
    try writer.beginElement(of: frame)
    writer.writeInteger(value)
  }
  private func unsigned(_ value: UInt64) throws {
    try writer.beginElement(of: frame)
    writer.writeUnsigned(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = writer.openNested(object: true) { try writer.beginElement(of: frame) }
    return KeyedEncodingContainer(JSONByteObject<NestedKey>(writer: writer, frame: nested))
  }
  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    JSONByteArray(writer: writer, frame: writer.openNested(object: false) { try writer.beginElement(of: frame) })
  }
  mutating func superEncoder() -> any Encoder { writer.refusal() }
}

/// A value written alone by a `JSONByteWriter` (a raw-value enum, a wrapper).
struct JSONByteSingleValue: SingleValueEncodingContainer {
  let writer: JSONByteWriter
  /// False when the value already opened a container: one pass cannot write both.
  let usable: Bool
  var codingPath: [any CodingKey] { [] }

  private func check() throws { if !usable { throw JSONByteWriter.NeedsFoundation() } }

  mutating func encodeNil() throws {
    try check()
    writer.writeNull()
  }
  mutating func encode(_ value: Bool) throws {
    try check()
    writer.writeBool(value)
  }
  mutating func encode(_ value: String) throws {
    try check()
    writer.writeString(value)
  }
  mutating func encode(_ value: Double) throws {
    try check()
    try writer.writeDouble(value)
  }
  mutating func encode(_ value: Float) throws { try encode(Double("\(value)")!) }
  mutating func encode(_ value: Int) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int8) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int16) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int32) throws { try integer(Int64(value)) }
  mutating func encode(_ value: Int64) throws { try integer(value) }
  mutating func encode(_ value: UInt) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt8) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt16) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt32) throws { try unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt64) throws { try unsigned(value) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try check()
    try writer.write(value)
  }

  private func integer(_ value: Int64) throws {
    try check()
    writer.writeInteger(value)
  }
  private func unsigned(_ value: UInt64) throws {
    try check()
    writer.writeUnsigned(value)
  }
}
