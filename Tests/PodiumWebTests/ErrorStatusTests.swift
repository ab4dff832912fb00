import PodiumProtocol
import PodiumWeb
import XCTest

/// One error → HTTP status mapping for every plugin, whoever refused.
final class ErrorStatusTests: XCTestCase {
  func testEachCodeHasTheStatusAPageCanActOn() {
    let expected: [ErrorCode: Int] = [
      .malformed: 400, .invalidArgument: 400, .unknownCommand: 400, .unauthorized: 401, .forbidden: 403,
      .outOfScope: 403, .crossOrigin: 403, .unknownRoom: 404, .unknownBooth: 404, .notAllowedInState: 409,
      .messageTooLarge: 413, .unsupportedMediaType: 415, .rateLimited: 429, .daemonUnreachable: 503,
      .storageUnavailable: 503,
    ]
    for (code, status) in expected { XCTAssertEqual(code.httpStatus.code, status, "\(code)") }
    for code in ErrorCode.allCases {
      XCTAssertTrue((400..<600).contains(code.httpStatus.code), "\(code) is a refusal, never a success")
    }
  }

  func testARefusalCarriesItsCodesStatus() {
    let response = Responses.failure(ProtocolError(.notAllowedInState, "intake is closed"))
    XCTAssertEqual(response.status.code, 409)
  }
}
