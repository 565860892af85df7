// swift-tools-version: 6.1
import PackageDescription

// libFuzzer harnesses for the text decoders, the normaliser, the report parser and the wire codec. A package of
// its own so the main build never sees sanitizer flags; `make fuzz` builds and runs it
// (swift build -Xswiftc -sanitize=fuzzer,address). Each harness's main hands its callback to
// libFuzzer's LLVMFuzzerRunDriver, since SwiftPM names an executable's entry point itself.
let package = Package(
    name: "reportd-fuzz",
    dependencies: [.package(name: "reportd", path: "..")],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzerDriver", .product(name: "ChineseText", package: "reportd")]),
        .executableTarget(name: "fuzz-parser", dependencies: ["FuzzerDriver", .product(name: "ReportParsing", package: "reportd")]),
        // The hand-written wire readers against JSONDecoder (seeds in Fuzz/corpus-wire).
        .executableTarget(name: "fuzz-wire", dependencies: ["FuzzerDriver", .product(name: "ReportProtocol", package: "reportd")]),
    ]
)
