import Foundation

/// A request sent on the command endpoint and not yet answered.
struct PendingRequest {
  /// Who waits for the reply.
  enum Purpose {
    /// A caller of `PodiumClient.request`, resumed with the raw reply.
    case caller(CheckedContinuation<[UInt8], Error>)
    /// A snapshot for resynchronisation, for one prefix.
    case snapshot(prefix: String)
    /// A clock sample, sent at a local instant.
    case clock(sentAt: Date)
  }

  var id: String
  var body: [UInt8]
  var purpose: Purpose
  var attemptsLeft: Int
  var deadline: Date
}
