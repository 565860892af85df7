import Foundation
import ReportClient
import ReportProtocol

/// Waits until submitted reports are done or failed by asking the daemon where they stand: one
/// `list` of the reports still awaited per round (their states, no documents), then one `get` of
/// each report that ended, for its headline and final event. Asking, rather than following the
/// feed, also answers a file whose bytes were already known (the daemon files it as a duplicate
/// and publishes nothing new) and cannot miss an event.
struct ReportWaiter {
    let client: ControlClient
    let timeoutSeconds: Double
    let isStopping: () -> Bool
    /// Between two rounds of questions: a report takes tens of milliseconds when the daemon is
    /// idle (docs/PERFORMANCE.md), so a fifth of a second adds little and costs the daemon little.
    static let pollInterval: TimeInterval = 0.2

    /// Each submission's outcome in submission order, announced as soon as its report ends.
    func outcomes(of submitted: [SubmitView], announce: (SubmitOutcome) throws -> Void) throws -> [SubmitOutcome] {
        var outcomes = submitted.map(SubmitOutcome.init)
        var waiting = Set(outcomes.indices.filter { outcomes[$0].reportId != nil })
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        while !waiting.isEmpty {
            let ended = try endedReports(among: Set(waiting.compactMap { outcomes[$0].reportId }))
            for index in waiting.sorted() {
                guard let id = outcomes[index].reportId, ended.contains(id) else { continue }
                outcomes[index].record(try client.call(ControlRequest(command: .get, reportId: id), as: ReportView.self))
                waiting.remove(index)
                try announce(outcomes[index])
            }
            if waiting.isEmpty { break }
            if isStopping() { throw ControlClientError.interrupted }
            guard ContinuousClock.now < deadline else {
                throw CLIError.waitTimedOut(seconds: timeoutSeconds, pending: waiting.sorted().map { outcomes[$0].file })
            }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
        return outcomes
    }

    /// Which of `ids` have ended. One not listed is on its way or not yet recorded (a file just
    /// written into the inbox is taken after its settle time).
    private func endedReports(among ids: Set<String>) throws -> Set<String> {
        let list = try client.call(ControlRequest(command: .list, reportIds: ids.sorted()), as: ReportListView.self)
        return Set(list.reports.filter { $0.state == "done" || $0.state == "failed" }.map(\.reportId))
    }
}

extension SubmitOutcome {
    mutating func record(_ report: ReportView) {
        state = report.state
        error = report.error
        event = report.events.last { $0.topic == .done || $0.topic == .failed }
        title = report.document?.title
        region = report.document?.region
        planYear = report.document?.planYear
    }
}
