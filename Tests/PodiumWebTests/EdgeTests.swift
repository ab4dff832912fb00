import HTTPTypes
import Hummingbird
import PodiumConfig
import PodiumCore
import PodiumWeb
import XCTest

final class CommandScopeTests: XCTestCase {
  func testAScopeIsWhatItsSendersSendAndARefusalSaysWhose() throws {
    let control = CommandScope(surface: "the control page", senders: [.operator])
    XCTAssertEqual(control.commands, CommandCatalogue.names(sentBy: [.operator]))
    XCTAssertTrue(control.commands.contains(StartSession.name))
    XCTAssertNil(control.refusal(of: AddTime.name))
    XCTAssertNil(control.refusal(of: "explode"), "an unknown name is the decoder's to refuse, listing every name")
    let refusal = try XCTUnwrap(control.refusal(of: ApproveQuestion.name))
    XCTAssertEqual(refusal.code, .outOfScope)
    XCTAssertEqual(refusal.field, "command")
    XCTAssertTrue(
      refusal.message.hasPrefix("'\(ApproveQuestion.name)' is a moderator's command; the control page forwards"))
    let booths = CommandScope(surface: "the booth consoles", senders: [.booth, .chiefInterpreter])
    XCTAssertNil(booths.refusal(of: TakeMicrophone.name))
    XCTAssertNil(booths.refusal(of: SetFloorLanguage.name))
    XCTAssertEqual(booths.refusal(of: EndSession.name)?.code, .outOfScope)
    XCTAssertEqual(booths.refusal(of: SubmitQuestion.name)?.code, .outOfScope)
  }
}

final class SameOriginTests: XCTestCase {
  private func post(
    _ fields: [String: String], method: HTTPRequest.Method = .post, host: String = "127.0.0.1:8471"
  )
    -> Request
  {
    var headers = HTTPFields()
    for (name, value) in fields { headers[HTTPField.Name(name)!] = value }
    return Request(
      head: HTTPRequest(method: method, scheme: "http", authority: host, path: "/api", headerFields: headers),
      body: RequestBody(buffer: ByteBuffer()))
  }

  private let guardian = SameOrigin<BasicRequestContext>(publicOrigins: [try! PublicOrigin("https://Venue.example/")])

  func testOnlyJSONFromTheOwnOriginChangesAnything() {
    let json = "application/json"
    let admitted: [[String: String]] = [
      ["Content-Type": json, "Origin": "http://127.0.0.1:8471"],
      ["Content-Type": "Application/JSON; charset=utf-8", "Origin": "https://venue.example"],
      ["Content-Type": json, "Sec-Fetch-Site": "same-origin"],
      ["Content-Type": json, "Sec-Fetch-Site": "none"],
      ["Content-Type": json],  // no browser: judged by its login alone
    ]
    for fields in admitted { XCTAssertNil(guardian.refusal(of: post(fields)), "\(fields)") }
    let crossOrigin: [[String: String]] = [
      ["Content-Type": json, "Origin": "http://evil.example"],
      ["Content-Type": json, "Origin": "null"],
      ["Content-Type": json, "Origin": "http://127.0.0.1:8472"],
      ["Content-Type": json, "Origin": "https://127.0.0.1:8471.evil.example"],
      ["Content-Type": json, "Sec-Fetch-Site": "cross-site"],
      ["Content-Type": json, "Sec-Fetch-Site": "same-site"],
    ]
    for fields in crossOrigin {
      let refusal = guardian.refusal(of: post(fields))
      XCTAssertEqual(refusal?.code, .crossOrigin, "\(fields)")
      XCTAssertEqual(refusal?.code.httpStatus, .forbidden, "\(fields)")
    }
    for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil] {
      let refusal = guardian.refusal(of: post(type.map { ["Content-Type": $0] } ?? [:]))
      XCTAssertEqual(refusal?.code, .unsupportedMediaType, "\(type ?? "none")")
      XCTAssertEqual(refusal?.code.httpStatus, .unsupportedMediaType)
    }
  }

  func testTheDefaultPortAndIPv6AreTheSameOrigin() {
    XCTAssertNil(
      guardian.refusal(of: post(["Content-Type": "application/json", "Origin": "http://podium"], host: "podium:80")))
    XCTAssertNil(
      guardian.refusal(
        of: post(["Content-Type": "application/json", "Origin": "http://[::1]:8471"], host: "[::1]:8471")))
  }
}
