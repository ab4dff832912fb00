import Foundation

/// Token buckets per key (a device, an address): `rate` actions per `period`, bursting to
/// `rate`. Thread-safe; forgets idle keys so a flood of new keys cannot grow it forever.
public final class RateLimiter: @unchecked Sendable {
  private struct Bucket {
    var tokens: Double
    var updated: Date
  }

  private let rate: Double
  private let period: TimeInterval
  private let lock = NSLock()
  private var buckets: [String: Bucket] = [:]
  private var lastSweep = Date()

  /// `rate` actions per `period` seconds for each key.
  public init(rate: Int, per period: TimeInterval = 60) {
    self.rate = Double(max(1, rate))
    self.period = period
  }

  /// Gives back a token taken for an action that turned out not to count (e.g. refused as invalid).
  public func refund(_ key: String) {
    lock.lock()
    if var bucket = buckets[key] {
      bucket.tokens = min(rate, bucket.tokens + 1)
      buckets[key] = bucket
    }
    lock.unlock()
  }

  /// Takes one token for `key`: nil if allowed, else the seconds to wait.
  public func take(_ key: String, now: Date = Date()) -> TimeInterval? {
    lock.lock()
    defer { lock.unlock() }
    if now.timeIntervalSince(lastSweep) > period {
      buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < period }
      lastSweep = now
    }
    var bucket = buckets[key] ?? Bucket(tokens: rate, updated: now)
    bucket.tokens = min(rate, bucket.tokens + now.timeIntervalSince(bucket.updated) * rate / period)
    bucket.updated = now
    guard bucket.tokens >= 1 else {
      buckets[key] = bucket
      return (1 - bucket.tokens) * period / rate
    }
    bucket.tokens -= 1
    buckets[key] = bucket
    return nil
  }
}
