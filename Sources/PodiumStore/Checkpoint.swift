import Crypto
import Foundation
import PodiumCore

/// The daemon's state as of one event, kept in the log so that start-up loads it and
/// replays only the events after it.
///
/// A checkpoint is a cache, never a record: the events stay the truth. One is trusted only
/// if its `version` is this code's and its digest matches its bytes; any other is ignored
/// and the log replayed from further back (from the start when none is valid).
public struct Checkpoint: Equatable, Sendable {
  /// The shape of the stored state: raise it whenever `ConferenceState`'s coding changes,
  /// so that checkpoints written by older code are ignored rather than misread.
  public static let version = 1

  /// The last event the state includes.
  public var seq: Int64
  /// The state after event `seq`.
  public var state: ConferenceState
  /// Each stream's head after event `seq` (the `prev` of its next update).
  public var heads: [String: Int64]

  public init(seq: Int64, state: ConferenceState, heads: [String: Int64]) {
    self.seq = seq
    self.state = state
    self.heads = heads
  }

  /// The stored form: `{"heads": …, "state": …}` as JSON.
  func encoded() throws -> [UInt8] {
    Array(try PodiumJSON.encoder().encode(Stored(state: state, heads: heads)))
  }

  /// The checkpoint stored as `bytes` for event `seq`, if they are what `digest` says.
  init(seq: Int64, version: Int, digest: String, bytes: [UInt8]) throws(CheckpointRefusal) {
    guard version == Self.version else {
      throw CheckpointRefusal("version \(version), this code reads version \(Self.version)")
    }
    guard Self.digest(of: bytes) == digest else { throw CheckpointRefusal("its digest does not match its bytes") }
    let stored: Stored
    do {
      stored = try PodiumJSON.decoder().decode(Stored.self, from: Data(bytes))
    } catch {
      throw CheckpointRefusal("unreadable: \(error)")
    }
    self.init(seq: seq, state: stored.state, heads: stored.heads)
  }

  /// SHA-256 of `bytes`, in hexadecimal.
  static func digest(of bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }

  private struct Stored: Codable {
    var state: ConferenceState
    var heads: [String: Int64]
  }
}

/// Why a stored checkpoint was not used.
public struct CheckpointRefusal: Error, CustomStringConvertible {
  public let description: String

  init(_ description: String) { self.description = description }
}
