import Foundation
import GRDB
import ReportProtocol

/// `reportctl reindex`: the search index is rebuilt from the parsed documents the store keeps,
/// after the indexer dropped an index of another schema version, or to repair a lost file.
extension ControlCommands {
    /// Queues an indexer job for every finished report. Reports still moving through the pipeline
    /// are left alone: their own indexer job is queued or will be, and a second one would race it.
    func reindex() throws -> ReindexView {
        var queued: [String] = []
        var busy: [String] = []
        for report in try store.finishedReportsWithDocument() {
            if pipeline.dispatcher.isScheduled(reportId: report.id) {
                busy.append(report.id)
                continue
            }
            pipeline.handle(.reindexRequested(id: report.id, file: report.file, now: .now))
            queued.append(report.id)
        }
        pipeline.logger.info("reindex: queued \(queued.count) report(s) for the indexer, \(busy.count) busy")
        return ReindexView(queued: queued, busy: busy)
    }
}
