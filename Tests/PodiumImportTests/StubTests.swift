import XCTest

@testable import PodiumImport

final class StubTests: XCTestCase { func testX() {} }
