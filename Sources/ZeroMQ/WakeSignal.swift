import Glibc

/// A self-pipe that another thread signals to wake a socket thread out of `Poller`.
///
/// Signalling is thread-safe; draining belongs to the thread that polls.
public final class WakeSignal: @unchecked Sendable {
  // Unchecked: the two descriptors never change, and a one-byte write(2) or read(2) on a pipe is atomic.
  /// The descriptor to add to a `Poller` as `.fileDescriptor`.
  public let fileDescriptor: Int32
  private let writeEnd: Int32

  public init() {
    var ends: [Int32] = [0, 0]
    precondition(pipe(&ends) == 0, "pipe failed")
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    fileDescriptor = ends[0]
    writeEnd = ends[1]
  }

  deinit {
    Glibc.close(fileDescriptor)
    Glibc.close(writeEnd)
  }

  /// Wakes the polling thread.
  public func signal() {
    var byte: UInt8 = 1
    _ = write(writeEnd, &byte, 1)
  }

  /// Resets the signal after a wake-up.
  public func drain() {
    var buffer = [UInt8](repeating: 0, count: 256)
    while read(fileDescriptor, &buffer, buffer.count) > 0 {}
  }
}
