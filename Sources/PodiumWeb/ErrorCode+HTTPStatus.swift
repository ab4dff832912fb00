import HTTPTypes
import PodiumProtocol

extension ErrorCode {
  /// The HTTP status a plugin's web API answers this refusal with: the one mapping every
  /// plugin uses, whether the plugin or the daemon refused.
  public var httpStatus: HTTPResponse.Status {
    switch self {
    case .malformed, .unsupportedVersion, .unknownType, .unknownCommand, .invalidArgument: .badRequest
    case .unauthorized: .unauthorized
    case .forbidden, .outOfScope, .crossOrigin: .forbidden
    case .unknownRoom, .unknownSession, .unknownBooth: .notFound
    case .notAllowedInState: .conflict
    case .messageTooLarge: .contentTooLarge
    case .unsupportedMediaType: .unsupportedMediaType
    case .rateLimited: .tooManyRequests
    case .storageUnavailable, .daemonUnreachable: .serviceUnavailable
    }
  }
}
