import Foundation
import PodiumConfig
import XCTest

/// Signed sessions: genuine only with the holder's current token and before their expiry.
final class WebTokenSessionTests: XCTestCase {
  let now = Date(timeIntervalSince1970: 1_800_000_000)
  let tablet = WebTokens.Holder(
    name: "tablet-plenary-ar", role: .booth, digest: WebTokens.digest("first"), booth: "plenary/ar")

  func testAGenuineSessionOpensForItsHolderUntilItExpires() {
    let session = tablet.session(until: now.addingTimeInterval(60))
    XCTAssertEqual(WebTokens.Holder.opening(session: session, among: [tablet], now: now), tablet)
    XCTAssertNil(WebTokens.Holder.opening(session: session, among: [tablet], now: now.addingTimeInterval(61)))
  }

  func testARotatedOrRevokedTokenEndsItsSessions() {
    let session = tablet.session(until: now.addingTimeInterval(60))
    var rotated = tablet
    rotated.digest = WebTokens.digest("second")
    XCTAssertNil(WebTokens.Holder.opening(session: session, among: [rotated], now: now))
    XCTAssertNil(WebTokens.Holder.opening(session: session, among: [], now: now))
  }

  func testAForgedSessionOpensNothing() {
    let genuine = tablet.session(until: now.addingTimeInterval(60))
    let parts = genuine.split(separator: ".").map(String.init)
    var otherBooth = tablet
    otherBooth.booth = "plenary/fr"
    for forged in [
      "\(parts[0]).\(Int(now.timeIntervalSince1970) + 999_999).\(parts[2])",  // a later expiry
      "\(parts[0]).\(parts[1]).\(String(repeating: "0", count: 64))", "garbage", "", "a.b.c.d",
    ] {
      XCTAssertNil(WebTokens.Holder.opening(session: forged, among: [tablet], now: now), forged)
    }
    // The same name and token for another booth is another signature.
    XCTAssertNil(WebTokens.Holder.opening(session: genuine, among: [otherBooth], now: now))
  }

  func testTwoFilesMayShareANameTheSignatureTellsThemApart() {
    let crews = WebTokens.Holder(name: tablet.name, role: .booth, digest: WebTokens.digest("crew"), booth: "plenary/ar")
    let session = tablet.session(until: now.addingTimeInterval(60))
    XCTAssertEqual(WebTokens.Holder.opening(session: session, among: [crews, tablet], now: now), tablet)
  }
}
