import XCTest

@testable import OSC

/// OSC messages written and read through liblo; packets it must refuse.
final class OSCMessageTests: XCTestCase {
  func testEveryTypeSurvivesARoundTrip() throws {
    let message = OSCMessage(
      "/podium/plénière/message",
      [
        .int32(-7), .int64(1 << 40), .float(1.5), .double(-0.25), .string("الجلسة تبدأ"), .bool(true), .bool(false),
        .nil, .blob([1, 2, 3]),
      ])
    let bytes = try message.encoded()
    XCTAssertEqual(bytes.count % 4, 0)
    XCTAssertEqual(try OSCMessage(decoding: bytes), message)
    XCTAssertEqual(message.typeTags, ",ihfdsTFNb")
    XCTAssertEqual(message.addressParts, ["podium", "plénière", "message"])
  }

  /// The bytes python-osc (and every OSC peer) writes for `/a ,i 1`: the wire form, not liblo's opinion of it.
  func testReadsTheWireFormOfOSC10() throws {
    let bytes: [UInt8] = Array("/a\0\0,i\0\0".utf8) + [0, 0, 0, 1]
    XCTAssertEqual(try OSCMessage(decoding: bytes), OSCMessage("/a", [.int32(1)]))
    XCTAssertEqual(try OSCMessage("/a", [.int32(1)]).encoded(), bytes)
  }

  func testRefusesWhatIsNotOneMessage() {
    func refusal(_ bytes: [UInt8]) -> OSCError? {
      do {
        _ = try OSCMessage(decoding: bytes)
        return nil
      } catch { return error }
    }
    XCTAssertEqual(refusal([]), .size(0))
    XCTAssertEqual(refusal([UInt8](repeating: 0x2F, count: OSCMessage.maximumBytes + 4)), .size(8196))
    XCTAssertEqual(refusal(Array("#bundle\0".utf8) + [UInt8](repeating: 0, count: 8)), .bundle)
    func isMalformed(_ bytes: [UInt8]) -> Bool {
      if case .malformed? = refusal(bytes) { return true }
      return false
    }
    XCTAssertTrue(isMalformed(Array("/a\0".utf8)))  // not a multiple of 4
    XCTAssertTrue(isMalformed(Array("/a\0\0,i\0\0".utf8) + [0, 0]))  // the integer is cut short
    XCTAssertTrue(isMalformed(Array("/abc".utf8)))  // no terminating NUL
    XCTAssertTrue(isMalformed(Array("/a\0\0,q\0\0".utf8)))  // an unknown type
    XCTAssertEqual(refusal(Array("/a\0\0,s\0\0".utf8) + [0xFF, 0xFE, 0, 0]), .notUTF8(argument: 0))
  }

  func testRefusesToWriteAnAddressThatIsNoAddress() {
    for address in ["podium/hall", "/podium hall", "/podium/*", ""] {
      XCTAssertThrowsError(try OSCMessage(address).encoded(), address)
    }
  }

  /// Random bytes and every prefix of a real message: refused or read, never a crash.
  func testSurvivesGarbage() throws {
    let real = try OSCMessage("/podium/hall/addtime", [.int32(60), .string("x")]).encoded()
    for length in 0...real.count { _ = try? OSCMessage(decoding: Array(real.prefix(length))) }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      var bytes = real
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      _ = try? OSCMessage(decoding: bytes)
      _ = try? OSCMessage(decoding: (0..<Int.random(in: 0...64)).map { _ in UInt8.random(in: 0...255) })
    }
  }
}
