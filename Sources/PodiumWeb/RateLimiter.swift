import Foundation
import Synchronization

/// Token buckets per key (a device, an address): `rate` actions per `period`, bursting to
/// `rate`. Thread-safe; forgets idle keys so a flood of new keys cannot grow it forever.
public final class RateLimiter: Sendable {
  private struct Bucket {
    var tokens: Double
    var updated: Date
  }

  private struct Buckets {
    var byKey: [String: Bucket] = [:]
    var lastSweep = Date()
  }

  private let rate: Double
  private let period: TimeInterval
  private let buckets = Mutex(Buckets())

  /// `rate` actions per `period` seconds for each key.
  public init(rate: Int, per period: TimeInterval = 60) {
    self.rate = Double(max(1, rate))
    self.period = period
  }

  /// Gives back a token taken for an action that turned out not to count (e.g. refused as invalid).
  public func refund(_ key: String) {
    buckets.withLock { buckets in
      guard var bucket = buckets.byKey[key] else { return }
      bucket.tokens = min(rate, bucket.tokens + 1)
      buckets.byKey[key] = bucket
    }
  }

  /// Takes one token for `key`: nil if allowed, else the seconds to wait.
  public func take(_ key: String, now: Date = Date()) -> TimeInterval? {
    buckets.withLock { buckets in
      if now.timeIntervalSince(buckets.lastSweep) > period {
        buckets.byKey = buckets.byKey.filter { now.timeIntervalSince($0.value.updated) < period }
        buckets.lastSweep = now
      }
      var bucket = buckets.byKey[key] ?? Bucket(tokens: rate, updated: now)
      bucket.tokens = min(rate, bucket.tokens + now.timeIntervalSince(bucket.updated) * rate / period)
      bucket.updated = now
      guard bucket.tokens >= 1 else {
        buckets.byKey[key] = bucket
        return (1 - bucket.tokens) * period / rate
      }
      bucket.tokens -= 1
      buckets.byKey[key] = bucket
      return nil
    }
  }
}
