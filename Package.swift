// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Podium",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "podiumd", targets: ["podiumd"]),
    .executable(name: "podium", targets: ["podium"]),
    .executable(name: "podium-display", targets: ["PodiumDisplay"]),
    .executable(name: "podium-booth", targets: ["PodiumBooth"]),
    .executable(name: "podium-qa", targets: ["PodiumQuestions"]),
    .executable(name: "podium-control", targets: ["PodiumControl"]),
    .library(name: "PodiumPluginKit", targets: ["PodiumPluginKit"]),
    .executable(name: "podium-benchmark", targets: ["PodiumBenchmark"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // The C face of libzmq, from the system (Debian: libzmq3-dev).
    .systemLibrary(
      name: "CZeroMQ",
      pkgConfig: "libzmq",
      providers: [.apt(["libzmq3-dev"])]
    ),
    // A thin, safe Swift layer over libzmq. Knows nothing of Podium.
    .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
    // The C face of liblo, the OSC library, from the system (Debian: liblo-dev): its message codec.
    .systemLibrary(
      name: "CLiblo",
      pkgConfig: "liblo",
      providers: [.apt(["liblo-dev"])]
    ),
    // OSC messages in Swift values, read and written by liblo. Knows nothing of Podium.
    .target(name: "OSC", dependencies: ["CLiblo"]),
    // The pure domain: conference model, commands, events, decide/evolve, derived views.
    .target(name: "PodiumCore"),
    // Conference and settings files: parsing with line-precise errors, defaults, environment.
    .target(
      name: "PodiumConfig",
      dependencies: ["PodiumCore", "Yams", .product(name: "Crypto", package: "swift-crypto")]),
    // Schedule import: frab/pretalx XML and JSON, iCalendar, spreadsheets (CSV, .xlsx), into a Conference.
    .target(name: "PodiumImport", dependencies: ["PodiumCore", "XLSX"]),
    // The wire: envelopes, topics, error codes, protocol version.
    .target(name: "PodiumProtocol", dependencies: ["PodiumCore"]),
    // The SQLite event log.
    .target(
      name: "PodiumStore",
      dependencies: [
        "PodiumCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The C face of libxlsxwriter, from the system (Debian: libxlsxwriter-dev).
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    // .xlsx workbooks as Swift values: written through libxlsxwriter, read through ZIPFoundation and
    // XMLParser. Knows nothing of Podium.
    .target(name: "XLSX", dependencies: ["CXLSXWriter", "ZIPFoundation"]),
    // Reports from the event log: planned against actual, CSV, HTML and workbooks (as values: the shell writes them).
    .target(name: "PodiumReports", dependencies: ["PodiumCore", "XLSX"]),
    // The daemon's shell: sockets, command loop, publishing, heartbeats.
    .target(
      name: "PodiumDaemon",
      dependencies: [
        "PodiumCore", "PodiumConfig", "PodiumProtocol", "PodiumStore", "ZeroMQ",
        .product(name: "Metrics", package: "swift-metrics"),
      ]
    ),
    .executableTarget(
      name: "podiumd",
      dependencies: [
        "PodiumDaemon", "PodiumConfig", "PodiumStore", "PodiumCore", "ZeroMQ",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // What a plugin needs: snapshot + subscribe, resync, commands with retries, clock offset.
    .target(
      name: "PodiumPluginKit",
      dependencies: ["PodiumCore", "PodiumProtocol", "PodiumConfig", "ZeroMQ"]
    ),
    // QR codes from the system's libqrencode (Debian: libqrencode-dev).
    .systemLibrary(
      name: "CQREncode",
      pkgConfig: "libqrencode",
      providers: [.apt(["libqrencode-dev"])]
    ),
    // Serving plugin pages: live pushes (SSE), static files, security headers, QR codes.
    .target(
      name: "PodiumWeb",
      dependencies: [
        "PodiumPluginKit", "PodiumProtocol", "PodiumConfig", "CQREncode",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      resources: [.copy("Static")]
    ),
    // The room display plugin: door screens, confidence monitors, lobby, operator's page.
    .executableTarget(
      name: "PodiumDisplay",
      dependencies: [
        "PodiumWeb", "PodiumPluginKit", "PodiumConfig", "PodiumCore", "PodiumProtocol",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "plugins/room-display",
      exclude: ["README.md"],
      sources: ["Sources"],
      resources: [.copy("Public")]
    ),
    // The booth timer plugin: interpreters' consoles and the chief interpreter's view.
    .executableTarget(
      name: "PodiumBooth",
      dependencies: [
        "PodiumWeb", "PodiumPluginKit", "PodiumConfig", "PodiumCore", "PodiumProtocol",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "plugins/booth-timer",
      exclude: ["README.md"],
      sources: ["Sources"],
      resources: [.copy("Public")]
    ),
    // The Q&A moderation plugin: the audience's question page and the moderators' console.
    .executableTarget(
      name: "PodiumQuestions",
      dependencies: [
        "PodiumWeb", "PodiumPluginKit", "PodiumConfig", "PodiumCore", "PodiumProtocol",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "plugins/qa-moderation",
      exclude: ["README.md"],
      sources: ["Sources"],
      resources: [.copy("Public")]
    ),
    // The control bridge: HTTP API, live variables over WebSocket, for control surfaces.
    .executableTarget(
      name: "PodiumControl",
      dependencies: [
        "PodiumWeb", "PodiumPluginKit", "PodiumConfig", "PodiumCore", "PodiumProtocol", "OSC",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "NIOWebSocket", package: "swift-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "plugins/control-bridge",
      exclude: ["README.md"],
      sources: ["Sources"],
      resources: [.copy("Public")]
    ),
    .executableTarget(
      name: "podium",
      dependencies: [
        "PodiumPluginKit", "PodiumConfig", "PodiumCore", "PodiumProtocol", "PodiumReports", "PodiumStore", "PodiumImport",
        "ZeroMQ", "XLSX",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks: Podium's daemon against libzmq and SQLite alone (scripts/benchmark, docs/PERFORMANCE.md).
    .systemLibrary(name: "CSQLite", path: "Benchmarks/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .executableTarget(
      name: "PodiumBenchmark",
      dependencies: [
        "ZeroMQ", "CSQLite", "PodiumPluginKit", "PodiumProtocol", "PodiumCore", "PodiumConfig",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/PodiumBenchmark"
    ),
    .testTarget(name: "PodiumCoreTests", dependencies: ["PodiumCore"]),
    .testTarget(name: "PodiumProtocolTests", dependencies: ["PodiumProtocol", "PodiumCore"]),
    .testTarget(name: "PodiumDaemonTests", dependencies: ["PodiumDaemon", "PodiumProtocol", "PodiumCore"]),
    .testTarget(name: "OSCTests", dependencies: ["OSC"]),
    .testTarget(name: "PodiumConfigTests", dependencies: ["PodiumConfig"]),
    .testTarget(name: "PodiumImportTests", dependencies: ["PodiumImport", "PodiumConfig", "XLSX"]),
    .testTarget(
      name: "PodiumStoreTests", dependencies: ["PodiumStore", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "PodiumWebTests", dependencies: ["PodiumWeb", "PodiumImport", "PodiumProtocol"]),
    .testTarget(name: "PodiumReportsTests", dependencies: ["PodiumReports", "XLSX"]),
    .testTarget(name: "XLSXTests", dependencies: ["XLSX", "ZIPFoundation"]),
    .testTarget(name: "PodiumPluginKitTests", dependencies: ["PodiumPluginKit", "PodiumProtocol"]),
    .testTarget(
      name: "PodiumIntegrationTests",
      dependencies: [
        "PodiumPluginKit", "PodiumProtocol", "PodiumStore", "ZeroMQ", "podiumd", "podium",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
