import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// The daemon's stored feed, read through `replay` as reportctl reads it. Waiting on the history
/// rather than on a live subscription cannot miss an event published before the subscription arrived.
extension DaemonProcess {
    /// Every stored event with a seq above `since`, oldest first, page by page.
    func history(since: Int64 = 0) throws -> [FeedEnvelope] {
        let control = try control()
        var events: [FeedEnvelope] = []
        while true {
            let reply = try control.request(.init(command: .replay, limit: 1000, since: events.last?.seq ?? since))
            guard reply.ok, let data = reply.data else {
                throw FixtureFailure(message: "replay refused: \(reply.error ?? "no data")")
            }
            let page = try data.decode(ReplayView.self)
            events += page.events
            if page.events.count < 1000 && page.more != true { return events }
        }
    }

    /// Polls the history until `condition` holds. The wait only bounds a hang; it measures nothing.
    @discardableResult
    func awaitHistory(within seconds: TimeInterval = 60, _ what: String,
                      until condition: ([FeedEnvelope]) -> Bool) throws -> [FeedEnvelope] {
        let end = Date() + seconds
        while true {
            let events = try history()
            if condition(events) { return events }
            guard Date() < end else {
                throw FixtureFailure(message: "\(what) did not happen within \(seconds) s; history: "
                                         + "\(events.map { "\($0.seq) \($0.topic.rawValue) \($0.file)" }); log:\n\(log)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Waits until every one of `reportIds` has reached `topic` (report.done unless told).
    @discardableResult
    func awaitReports(_ reportIds: [String], reach topic: FeedTopic = .done) throws -> [FeedEnvelope] {
        try awaitHistory("\(topic.rawValue) of \(reportIds)") { events in
            Set(reportIds).isSubset(of: events.filter { $0.topic == topic }.map(\.reportId))
        }
    }

    /// Drops the sample report whose name starts with `prefix` and returns its file name and report id.
    @discardableResult
    func dropSample(_ prefix: String) throws -> (file: String, reportId: String) {
        let url = try RepositoryPaths.corpusFile(prefix)
        let bytes = Array(try Data(contentsOf: url))
        try dropByRename(bytes, as: url.lastPathComponent)
        return (url.lastPathComponent, ContentHash.of(bytes))
    }
}
