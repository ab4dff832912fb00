import Foundation
import Hummingbird

/// The scripts every plugin's pages share (`live.js`, `i18n.js`, `timeline.js`),
/// served under `/static/` after the plugin's own static files.
public enum SharedStatic {
  /// The installed copy, inside this library's resources.
  public static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Static") }

  /// Serves a plugin's own `static` folder of `publicDirectory`, then the shared scripts
  /// from `sharedDirectory` (default: the installed copy), both under `/static`.
  public static func add<Context: RequestContext>(
    to router: Router<Context>, publicDirectory: URL, sharedDirectory: URL? = nil
  ) {
    router.add(
      middleware: FileMiddleware(publicDirectory.appendingPathComponent("static").path, urlBasePath: "/static"))
    router.add(middleware: FileMiddleware((sharedDirectory ?? directory).path, urlBasePath: "/static"))
  }
}
