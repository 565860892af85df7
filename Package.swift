// swift-tools-version: 6.1
import PackageDescription

// One target per concern; see docs/ARCHITECTURE.md for the map.
let package = Package(
    name: "reportd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reportd", targets: ["reportd"]),
        .executable(name: "reportctl", targets: ["reportctl"]),
        .executable(name: "report-parser", targets: ["report-parser"]),
        .executable(name: "report-indexer", targets: ["report-indexer"]),
        .executable(name: "report-summarizer", targets: ["report-summarizer"]),
        // The cross-report decision core (targets against outcomes, duplicate groups).
        .library(name: "ReportAnalysis", targets: ["ReportAnalysis"]),
        .executable(name: "reportd-web", targets: ["reportd-web"]),
        // The plugin libraries, for the benchmarks (Benchmarks/) and the fuzz harnesses (Fuzz/),
        // packages of their own that depend on this one by path.
        .library(name: "ReportProtocol", targets: ["ReportProtocol"]),
        .library(name: "ChineseText", targets: ["ChineseText"]),
        .library(name: "ReportParsing", targets: ["ReportParsing"]),
        .library(name: "ReportIndexing", targets: ["ReportIndexing"]),
        .library(name: "ReportSummarizing", targets: ["ReportSummarizing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // DOCX reports are ZIP archives; read by ChineseText's decoder only.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The daemon's /metrics: swift-metrics is the API the code records through, swift-prometheus
        // the registry that keeps the values and renders the Prometheus text.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The web view's HTTP server only; its default traits (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Already in the graph through Hummingbird; named for HTTPField.Name (custom header names).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The only code that touches libzmq's C API.
        .systemLibrary(name: "CZMQ", path: "Sources/CZMQ", providers: [.apt(["libzmq3-dev"])]),
        .target(name: "ZMQ", dependencies: ["CZMQ"]),

        // Wire types shared by the daemon, the CLI and every plugin.
        .target(name: "ReportProtocol"),

        // Targets against outcomes and duplicate groups across reports: decisions only, no I/O.
        .target(name: "ReportAnalysis", dependencies: ["ChineseText", "ReportProtocol"]),

        // Decoding, normalisation, sentences and word segmentation of Chinese text.
        .systemLibrary(name: "COpenCC", path: "Sources/COpenCC", providers: [.apt(["libopencc-dev"])]),
        .target(name: "ChineseText", dependencies: [
            "COpenCC",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // The log handler of the daemon and the plugins: journald priorities, plain or JSON lines,
        // a level that a reload changes.
        .target(name: "ReportLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),

        // What every plugin links: connect, announce, heartbeat, serve, one-shot CLI.
        .target(name: "WorkerKit", dependencies: [
            "ZMQ", "ReportProtocol", "ReportLogging",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The daemon: watcher, store, broker, supervisor, publisher, control.
        .target(name: "Daemon", dependencies: [
            "ZMQ", "ReportProtocol", "ReportLogging", "ReportAnalysis", "ChineseText",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .executableTarget(name: "reportd", dependencies: [
            "Daemon", "ReportProtocol", "ReportLogging",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // How a client talks to the daemon: control requests and the replay-then-live feed; reportctl and reportd-web.
        .target(name: "ReportClient", dependencies: ["ZMQ", "ReportProtocol"]),
        .executableTarget(name: "reportctl", dependencies: [
            "ZMQ", "ReportProtocol", "ReportClient",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The web view: pages as HTML and SVG from control-protocol views (no I/O), and the server that serves them.
        .target(name: "WebPages", dependencies: ["ReportProtocol"]),
        .executableTarget(name: "reportd-web", dependencies: [
            "WebPages", "ReportClient", "ReportProtocol", "ZMQ",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),

        // Plugins: a library holding the logic, and a thin worker executable.
        .target(name: "ReportParsing", dependencies: ["ChineseText", "ReportProtocol"],
                path: "Plugins/parser/ReportParsing"),
        .executableTarget(name: "report-parser", dependencies: ["ReportParsing", "WorkerKit"],
                          path: "Plugins/parser/report-parser"),
        .target(name: "ReportIndexing", dependencies: [
            "ChineseText", "ReportProtocol",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Plugins/indexer/ReportIndexing"),
        .executableTarget(name: "report-indexer", dependencies: ["ReportIndexing", "WorkerKit"],
                          path: "Plugins/indexer/report-indexer"),
        .target(name: "ReportSummarizing", dependencies: ["ChineseText", "ReportProtocol"],
                path: "Plugins/summarizer/ReportSummarizing"),
        .executableTarget(name: "report-summarizer", dependencies: ["ReportSummarizing", "WorkerKit"],
                          path: "Plugins/summarizer/report-summarizer"),

        .testTarget(name: "ZMQTests", dependencies: ["ZMQ"]),
        .testTarget(name: "ReportProtocolTests", dependencies: ["ReportProtocol"]),
        // reportctl's pure helpers (exit statuses, --since, terminal safety), tested without a daemon.
        .testTarget(name: "ReportctlTests", dependencies: ["reportctl", "ReportClient", "ReportProtocol"]),
        .testTarget(name: "ReportLoggingTests", dependencies: ["ReportLogging"]),
        // The sample reports (bytes, text, and as the real parser reads them) for the tests below.
        .target(name: "TestSupport", dependencies: ["ReportParsing", "ReportProtocol"], path: "Tests/Support"),
        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText", "TestSupport"]),
        .testTarget(name: "ReportParsingTests", dependencies: ["ReportParsing", "TestSupport"]),
        .testTarget(name: "ReportIndexingTests", dependencies: ["ReportIndexing", "TestSupport"]),
        .testTarget(name: "ReportSummarizingTests", dependencies: ["ReportSummarizing", "TestSupport"]),
        .testTarget(name: "ReportAnalysisTests", dependencies: ["ReportAnalysis", "ReportParsing", "TestSupport"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "ReportAnalysis", "ReportParsing", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WebPagesTests", dependencies: ["WebPages", "ReportProtocol"]),
        .testTarget(name: "WebServerTests", dependencies: ["reportd-web"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "ZMQ", "ReportProtocol", "ReportClient", "TestSupport",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
    ]
)
