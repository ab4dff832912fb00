import Foundation
import PodiumConfig
import XCTest

final class TrustedProxiesTests: XCTestCase {
  func testAddressesAndNetworks() throws {
    let proxies = try TrustedProxies(["127.0.0.2", "10.0.0.0/8", "fd00::/8", "192.168.1.0/25"])
    XCTAssertTrue(proxies.contains("127.0.0.2"))
    XCTAssertFalse(proxies.contains("127.0.0.1"))
    XCTAssertTrue(proxies.contains("10.200.3.4"))
    XCTAssertFalse(proxies.contains("11.0.0.1"))
    XCTAssertTrue(proxies.contains("fd12::1"))
    XCTAssertFalse(proxies.contains("fe80::1"))
    XCTAssertTrue(proxies.contains("192.168.1.127"))
    XCTAssertFalse(proxies.contains("192.168.1.128"))
    XCTAssertFalse(proxies.contains("not an address"))
  }

  func testTheClientIsTheNearestUntrustedHopAndOnlyATrustedPeerIsBelieved() throws {
    let proxies = try TrustedProxies(["127.0.0.2", "10.0.0.0/8"])
    // nginx appended the address it saw; what the client wrote before it is not believed.
    XCTAssertEqual(proxies.client(peer: "127.0.0.2", forwardedFor: "9.9.9.9, 203.0.113.7"), "203.0.113.7")
    XCTAssertEqual(proxies.client(peer: "127.0.0.2", forwardedFor: "203.0.113.7, 10.1.1.1"), "203.0.113.7")
    XCTAssertEqual(proxies.client(peer: "127.0.0.2", forwardedFor: nil), "127.0.0.2")
    XCTAssertEqual(proxies.client(peer: "127.0.0.2", forwardedFor: "garbage, 203.0.113.7"), "203.0.113.7")
    XCTAssertEqual(proxies.client(peer: "127.0.0.2", forwardedFor: "203.0.113.7, garbage"), "127.0.0.2")
    // A client that reaches the plugin directly cannot choose its address.
    XCTAssertEqual(proxies.client(peer: "203.0.113.7", forwardedFor: "1.2.3.4"), "203.0.113.7")
    XCTAssertEqual(TrustedProxies().client(peer: "127.0.0.2", forwardedFor: "1.2.3.4"), "127.0.0.2")
  }

  func testARefusalNamesTheEntryAndTheRule() {
    for (entry, rule) in [("venue-proxy", "not an IP address"), ("10.0.0.0/33", "0…32 bits"), ("::1/129", "0…128")] {
      XCTAssertThrowsError(try TrustedProxies([entry])) { error in
        XCTAssertTrue("\(error)".contains(entry) && "\(error)".contains(rule), "\(error)")
      }
    }
  }

  func testTheSettingsFileAndTheEnvironmentNameThem() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("podium.yaml").path
    try "web:\n  trustedProxies: [127.0.0.2, 10.0.0.0/8]\n".write(toFile: file, atomically: true, encoding: .utf8)
    let settings = try PodiumSettings.load(file: file, environment: ["HOME": "/home/crew"])
    XCTAssertTrue(settings.trustedProxies.contains("10.1.2.3") && settings.trustedProxies.contains("127.0.0.2"))
    XCTAssertFalse(settings.trustedProxies.contains("127.0.0.1"))
    let overridden = try PodiumSettings.load(
      file: file, environment: ["HOME": "/home/crew", "PODIUM_TRUSTED_PROXIES": "192.0.2.1, 192.0.2.2"])
    XCTAssertEqual(overridden.trustedProxies.entries, ["192.0.2.1", "192.0.2.2"])

    try "web:\n  trustedProxies: [nginx-box]\n".write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try PodiumSettings.load(file: file, environment: ["HOME": "/home/crew"])) { error in
      XCTAssertTrue("\(error)".hasPrefix("\(file):2:") && "\(error)".contains("'nginx-box'"), "\(error)")
    }
  }
}
