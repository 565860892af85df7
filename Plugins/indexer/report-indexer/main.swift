import Foundation
import ReportIndexing
import ReportProtocol
import WorkerKit

/// The index lives in the daemon's data dir unless REPORTD_INDEX names another file.
let environment = ProcessInfo.processInfo.environment
let indexPath = environment["REPORTD_INDEX"]
    ?? DataDirectoryLayout(URL(fileURLWithPath: environment["REPORTD_DATA_DIR"] ?? "var/data")).searchIndex.path

/// Opened on first use, so `--help` works without a data dir. The segmenter ranks whole-word
/// matches first; it reads the same dictionaries as the summarizer.
let openIndex = LazyValue {
    let config = try ConfigDirectory.locate(containing: "dict/domain.txt")
    return try SearchIndex(path: indexPath, domainDictionary: config.appendingPathComponent("dict/domain.txt"))
}
WorkerMain.run(IndexerPlugin(index: { try openIndex.get() }))
