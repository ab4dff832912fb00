import PodiumConfig
import PodiumWeb
import XCTest

final class PublicLinkTests: XCTestCase {
  let loopback = "http://127.0.0.1:8473/rooms/plenary/ask?lang=ar"

  func testALoopbackLinkMovesToThePublicOriginWithItsPathAndQuery() throws {
    let origin = try PublicOrigin("https://ask.venue.example")
    for screen in ["127.0.0.1", "192.168.10.5", nil] {
      XCTAssertEqual(
        PublicLink.resolve(loopback, publicOrigin: origin, screenHost: screen),
        "https://ask.venue.example/rooms/plenary/ask?lang=ar")
    }
  }

  func testWithoutAPublicOriginALoopbackLinkReachesOnlyScreensOnThisMachine() {
    XCTAssertEqual(PublicLink.resolve(loopback, publicOrigin: nil, screenHost: "127.0.0.1"), loopback)
    XCTAssertEqual(PublicLink.resolve(loopback, publicOrigin: nil, screenHost: "localhost"), loopback)
    XCTAssertNil(PublicLink.resolve(loopback, publicOrigin: nil, screenHost: "192.168.10.5"))
    XCTAssertNil(PublicLink.resolve(loopback, publicOrigin: nil, screenHost: nil))
  }

  func testALinkElsewhereIsKept() throws {
    let external = "https://questions.example/plenary?from=door"
    XCTAssertEqual(
      PublicLink.resolve(external, publicOrigin: try PublicOrigin("https://ask.venue.example"), screenHost: nil),
      external)
    XCTAssertEqual(PublicLink.resolve(external, publicOrigin: nil, screenHost: "192.168.10.5"), external)
  }

  func testTheHostOfAHostHeader() {
    XCTAssertEqual(PublicLink.host(ofHeader: "192.168.1.4:8471"), "192.168.1.4")
    XCTAssertEqual(PublicLink.host(ofHeader: "screens.venue.example"), "screens.venue.example")
    XCTAssertEqual(PublicLink.host(ofHeader: "[::1]:8471"), "::1")
    XCTAssertNil(PublicLink.host(ofHeader: ""))
  }
}
