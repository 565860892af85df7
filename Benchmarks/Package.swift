// swift-tools-version: 6.1
import PackageDescription

// Micro-benchmarks of the text work (ordo-one/benchmark), kept out of the main package so
// `swift build` and `swift test` do not build the benchmark harness. `reportd` is a symlink to
// the repository, so the dependency has the same identity whatever the clone is called.
let package = Package(
    name: "reportd-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "reportd"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ParsingBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReportParsing", package: "reportd"),
            ],
            path: "ParsingBenchmarks",
            exclude: ["worker_jobs.py"],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // The five samples and the generated report variants the benchmarks below share.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReportIndexing", package: "reportd"),
                .product(name: "ReportParsing", package: "reportd"),
            ],
            path: "BenchmarkSupport"),
        // Builds (or finds) the index of N variants for analysis_bench's `trend`.
        .executableTarget(
            name: "VariantIndex",
            dependencies: ["BenchmarkSupport"],
            path: "VariantIndex"),
        .executableTarget(
            name: "SegmentationBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChineseText", package: "reportd"),
            ],
            path: "SegmentationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "SearchBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReportIndexing", package: "reportd"),
            ],
            path: "SearchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "SummarizingBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReportSummarizing", package: "reportd"),
            ],
            path: "SummarizingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
