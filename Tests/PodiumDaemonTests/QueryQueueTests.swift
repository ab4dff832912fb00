import Foundation
import PodiumProtocol
import XCTest

@testable import PodiumDaemon

final class QueryQueueTests: XCTestCase {
  private let start = Date(timeIntervalSince1970: 1_800_000_000)

  private func query(
    _ peer: String, _ id: String, prefix: String = "", at offset: TimeInterval = 0
  ) -> (
    QueryQueue.Query, QueryQueue.Key
  ) {
    let route = [Array(peer.utf8)]
    let envelope = RequestEnvelope(id: id, request: .snapshot(prefix: prefix))
    return (
      QueryQueue.Query(route: route, envelope: envelope, received: start.addingTimeInterval(offset)),
      QueryQueue.key(of: envelope, route: route)!
    )
  }

  private func enqueue(_ queue: inout QueryQueue, _ item: (QueryQueue.Query, QueryQueue.Key)) {
    queue.enqueue(item.0, as: item.1)
  }

  func testOnlyExpensiveQueriesWait() {
    XCTAssertNil(QueryQueue.key(of: RequestEnvelope(id: "h", request: .hello), route: [[1]]))
    XCTAssertNil(QueryQueue.key(of: RequestEnvelope(id: "c", request: .clock), route: [[1]]))
    XCTAssertNotNil(QueryQueue.key(of: RequestEnvelope(id: "e", request: .events(after: 0, limit: 10)), route: [[1]]))
  }

  func testARepeatedQueryIsAnsweredOnceToTheLatestRequestInTheFirstOnesPlace() {
    var queue = QueryQueue()
    enqueue(&queue, query("flood", "1"))
    enqueue(&queue, query("other", "a"))
    for id in 2...1000 { enqueue(&queue, query("flood", "\(id)")) }
    XCTAssertEqual(queue.count, 2)
    XCTAssertEqual(queue.superseded, 999)
    XCTAssertEqual(queue.next(at: start)?.envelope.id, "1000")
    XCTAssertEqual(queue.next(at: start)?.envelope.id, "a")
    XCTAssertNil(queue.next(at: start))
  }

  func testDifferentPrefixesOfOnePeerAreDifferentQueries() {
    var queue = QueryQueue()
    enqueue(&queue, query("p", "1", prefix: "conference"))
    enqueue(&queue, query("p", "2", prefix: "room/plenary"))
    XCTAssertEqual([queue.next(at: start), queue.next(at: start)].compactMap { $0?.envelope.id }, ["1", "2"])
  }

  func testAPeerGetsTheSameQueryAnsweredAtItsPaceWhileOthersAreServed() {
    var queue = QueryQueue()
    enqueue(&queue, query("flood", "1"))
    XCTAssertEqual(queue.next(at: start)?.envelope.id, "1")
    enqueue(&queue, query("flood", "2", at: 0.01))
    enqueue(&queue, query("other", "a", at: 0.02))
    XCTAssertEqual(queue.next(at: start.addingTimeInterval(0.03))?.envelope.id, "a", "the flooder waits its pace")
    XCTAssertNil(queue.next(at: start.addingTimeInterval(0.03)))
    XCTAssertEqual(queue.nextDue(at: start.addingTimeInterval(0.03)), start.addingTimeInterval(QueryQueue.pace))
    XCTAssertEqual(queue.next(at: start.addingTimeInterval(QueryQueue.pace))?.envelope.id, "2")
    XCTAssertNil(queue.nextDue(at: start.addingTimeInterval(1)))
  }

  func testARequestWaitingLongerThanItsAskerWaitsIsDropped() {
    var queue = QueryQueue()
    enqueue(&queue, query("gone", "1"))
    enqueue(&queue, query("here", "a", at: QueryQueue.patience))
    XCTAssertEqual(queue.next(at: start.addingTimeInterval(QueryQueue.patience + 0.1))?.envelope.id, "a")
    XCTAssertEqual(queue.expired, 1)
    XCTAssertTrue(queue.isEmpty)
  }
}
