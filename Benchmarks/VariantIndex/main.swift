import BenchmarkSupport
import Foundation

// `VariantIndex N`: the search index of N report variants (BenchmarkSupport/ReportVariants), built
// when missing and kept in Benchmarks/.build between runs; prints its path. analysis_bench gives
// it to a daemon as its index, so `trend` counts over as many indexed reports as the store holds.
let arguments = CommandLine.arguments
guard arguments.count == 2, let reports = Int(arguments[1]), reports > 0 else {
    FileHandle.standardError.write(Data("usage: VariantIndex REPORTS (a positive number of report variants)\n".utf8))
    exit(2)
}
do {
    let file = try CorpusIndex.ensured(reports: reports) { done in
        FileHandle.standardError.write(Data("VariantIndex: \(done) of \(reports) variants indexed\n".utf8))
    }
    print(file.path)
} catch {
    FileHandle.standardError.write(Data("VariantIndex: cannot build the index of \(reports) variants: \(error)\n".utf8))
    exit(1)
}
