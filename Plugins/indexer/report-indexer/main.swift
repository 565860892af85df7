import Foundation
import ReportIndexing
import WorkerKit

/// The index lives in the daemon's data dir unless REPORTD_INDEX names another file.
let environment = ProcessInfo.processInfo.environment
let indexPath = environment["REPORTD_INDEX"]
    ?? URL(fileURLWithPath: environment["REPORTD_DATA_DIR"] ?? "var/data").appendingPathComponent("index/search.sqlite").path

/// Opened on first use, so `--help` works without a data dir.
let openIndex = LazyValue { try SearchIndex(path: indexPath) }
WorkerMain.run(IndexerPlugin(index: { try openIndex.get() }))
