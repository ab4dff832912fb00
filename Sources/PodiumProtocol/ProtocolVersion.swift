/// The version of Podium's wire protocol, carried in `welcome` and heartbeats.
///
/// Fields may be added within a version (receivers ignore unknown fields of what
/// they receive); a change that breaks a reader bumps the version.
public enum ProtocolVersion {
  /// The version this build speaks.
  public static let current = 1
  /// The largest request body accepted, in bytes; larger gets `message_too_large`.
  public static let maximumRequestBytes = 16 * 1024
  /// Larger frames make libzmq drop the connection before any reply is possible.
  public static let maximumFrameBytes: Int64 = 1024 * 1024
}
