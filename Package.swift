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
        // For the libFuzzer harnesses in Fuzz/, a package of their own that depends on this one by path.
        .library(name: "ChineseText", targets: ["ChineseText"]),
        .library(name: "ReportParsing", targets: ["ReportParsing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The only code that touches libzmq's C API.
        .systemLibrary(name: "CZMQ", path: "Sources/CZMQ", providers: [.apt(["libzmq3-dev"])]),
        .target(name: "ZMQ", dependencies: ["CZMQ"]),

        // Wire types shared by the daemon, the CLI and every plugin.
        .target(name: "ReportProtocol"),

        // Decoding, normalisation, sentences and word segmentation of Chinese text.
        .systemLibrary(name: "COpenCC", path: "Sources/COpenCC", providers: [.apt(["libopencc-dev"])]),
        .target(name: "ChineseText", dependencies: [
            "COpenCC",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // What every plugin links: connect, announce, heartbeat, serve, one-shot CLI.
        .target(name: "WorkerKit", dependencies: [
            "ZMQ", "ReportProtocol",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The daemon: watcher, store, broker, supervisor, publisher, control.
        .target(name: "Daemon", dependencies: [
            "ZMQ", "ReportProtocol",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "reportd", dependencies: [
            "Daemon", "ReportProtocol",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "reportctl", dependencies: [
            "ZMQ", "ReportProtocol",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText"]),
        .testTarget(name: "ReportParsingTests", dependencies: ["ReportParsing"]),
        .testTarget(name: "ReportIndexingTests", dependencies: ["ReportIndexing"]),
        .testTarget(name: "ReportSummarizingTests", dependencies: ["ReportSummarizing"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "ZMQ", "ReportProtocol",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
    ]
)
