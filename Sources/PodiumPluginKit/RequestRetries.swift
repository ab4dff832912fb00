import Foundation

/// Requests sent and not yet answered, with the Lazy Pirate rules: a request whose reply is
/// late is sent again with the same id, over a fresh socket, until its attempts run out.
///
/// Pure: the caller owns the socket and says what time it is. `Purpose` is what waits for
/// each reply (a caller's continuation, a snapshot, a clock sample).
public struct RequestRetries<Purpose> {
  /// One request in flight.
  public struct Pending {
    public var id: String
    public var body: [UInt8]
    public var purpose: Purpose
    public var attemptsLeft: Int
    public var deadline: Date
  }

  /// What a turn of the clock asks the caller to do.
  public struct Expiry {
    /// Close the request socket and open a new one (a reply may never come on the old one).
    public var reopen: Bool
    /// Send these again, in this order, on the new socket.
    public var resend: [Pending]
    /// Give up on these: every attempt timed out.
    public var failed: [Pending]
  }

  /// Seconds to wait for one reply.
  public let timeout: TimeInterval
  public private(set) var pending: [String: Pending] = [:]

  public init(timeout: TimeInterval) {
    self.timeout = timeout
  }

  /// Records a request sent now, with `attempts` tries in all.
  public mutating func sent(id: String, body: [UInt8], purpose: Purpose, attempts: Int, at now: Date) {
    pending[id] = Pending(id: id, body: body, purpose: purpose, attemptsLeft: attempts, deadline: now + timeout)
  }

  /// The request a reply with this id answers, no longer pending; nil for a late duplicate.
  public mutating func answered(_ id: String) -> Pending? {
    pending.removeValue(forKey: id)
  }

  /// Every request still pending, for the caller to give up on them all (stopping).
  public mutating func removeAll() -> [Pending] {
    defer { pending.removeAll() }
    return Array(pending.values)
  }

  /// What is due at `now`: requests past their deadline lose an attempt; those with none
  /// left fail, and if any other timed out, every pending request goes again on a new socket.
  public mutating func expire(at now: Date) -> Expiry {
    var failed: [Pending] = []
    var reopen = false
    for (id, var request) in pending where request.deadline <= now {
      request.attemptsLeft -= 1
      if request.attemptsLeft <= 0 {
        pending[id] = nil
        failed.append(request)
      } else {
        request.deadline = now + timeout
        pending[id] = request
        reopen = true
      }
    }
    let resend = reopen ? pending.values.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) } : []
    return Expiry(reopen: reopen, resend: resend, failed: failed.sorted { $0.id < $1.id })
  }
}

extension RequestRetries.Pending: Sendable where Purpose: Sendable {}
extension RequestRetries: Sendable where Purpose: Sendable {}
