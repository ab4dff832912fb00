import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on a data directory (`podium.lock`, `flock`): one daemon per event
/// log, and no restore under a running daemon. Released when the process ends, even by `kill -9`.
public final class DataDirectoryLock {
  private let descriptor: Int32

  /// Takes the lock of `directory`, or throws if another process holds it.
  public init(directory: String) throws {
    let path = "\(directory)/podium.lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
    guard descriptor >= 0 else {
      throw EventLogError(operation: "lock \(path)", reason: String(cString: strerror(errno)))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw EventLogError(
        operation: "lock \(path)", reason: "another process (a running podiumd?) is using this data directory")
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
