import Foundation
import ReportProtocol

/// Answers `reportctl`: each command reads the store, the broker or the supervisor and replies,
/// except `search`, which becomes a job for a worker serving `search` and is answered later.
struct ControlCommands {
    let pipeline: Pipeline
    let broker: Broker
    let supervisor: Supervisor
    let inbox: URL
    let startedAt: Date

    /// The reply, or nil when the answer comes later from a worker.
    func answer(_ request: ControlServer.Request) -> ControlResponse? {
        do {
            switch request.body.command {
            case .status: return .success(try JSONValue(encoding: status()))
            case .get: return try get(request.body.reportId ?? "")
            case .replay: return .success(try JSONValue(encoding: replay(request.body)))
            case .submit: return try submit(name: request.body.file ?? "", bytes: request.payload)
            case .retry: return try retry(request.body.reportId ?? "")
            case .search: return search(request)
            }
        } catch {
            return .failure("\(request.body.command.rawValue) failed: \(error)")
        }
    }

    private func status() throws -> StatusView {
        let counts = try pipeline.store.counts()
        let workers = broker.connectedWorkers.sorted { ($0.hello.name, $0.identityText) < ($1.hello.name, $1.identityText) }
            .map { worker in
                WorkerView(identity: worker.identityText, name: worker.hello.name, version: worker.hello.version,
                           services: worker.hello.services, state: worker.state == .busy ? .busy : .idle,
                           jobsDone: worker.jobsDone, currentJob: worker.currentJob)
            }
        let plugins = supervisor.status().map {
            PluginView(name: $0.name, instance: $0.instance, pid: $0.pid, state: $0.state.rawValue, restarts: $0.restarts)
        }
        let done = counts[.done] ?? 0, failed = counts[.failed] ?? 0
        let inProgress = (counts[.accepted] ?? 0) + (counts[.parsed] ?? 0)
        return StatusView(workers: workers, plugins: plugins, queues: pipeline.dispatcher.queueDepths,
                          counts: CountsView(accepted: done + failed + inProgress, inProgress: inProgress, done: done,
                                             failed: failed, duplicates: try pipeline.store.counter("duplicates")),
                          lastSeq: try pipeline.store.lastSeq(), uptimeSeconds: Date().timeIntervalSince(startedAt),
                          version: ReportdVersion.current, feed: pipeline.publisher.view)
    }

    private func get(_ idOrPrefix: String) throws -> ControlResponse {
        guard idOrPrefix.count >= 8, idOrPrefix.allSatisfy(\.isHexDigit) else {
            return .failure("a report id is at least 8 hex digits, got `\(idOrPrefix.sanitizedForLog)`")
        }
        let matches = try pipeline.store.reports(idPrefix: idOrPrefix.lowercased())
        guard let record = matches.first else { return .failure("no report with id \(idOrPrefix)") }
        guard matches.count == 1 else { return .failure("\(idOrPrefix) matches several reports; give more digits") }
        let results = try pipeline.store.results(id: record.id)
        let events = try pipeline.store.events(reportId: record.id).map { try WireJSON.decode(FeedEnvelope.self, from: $0.envelope) }
        let view = ReportView(
            reportId: record.id, file: record.file, state: events.last?.topic.rawValue.replacingOccurrences(of: "report.", with: "") ?? record.state.rawValue,
            attempts: record.attempts, error: record.error, receivedAt: record.receivedAt,
            document: try results.document.map { try WireJSON.decode(ParsedDocument.self, from: $0) },
            index: try results.index.map { try WireJSON.decode(IndexResult.self, from: $0) },
            summary: try results.summary.map { try WireJSON.decode(SummaryResult.self, from: $0) },
            events: events)
        return .success(try JSONValue(encoding: view))
    }

    private func replay(_ request: ControlRequest) throws -> ReplayView {
        let limit = min(max(request.limit ?? 1000, 1), 10_000)
        let events = try pipeline.store.events(since: request.since ?? 0, limit: limit, topicPrefix: request.topic)
        return ReplayView(events: try events.map { try WireJSON.decode(FeedEnvelope.self, from: $0.envelope) },
                          lastSeq: try pipeline.store.lastSeq())
    }

    /// Writes the bytes into the inbox the safe way (a hidden temporary name, then rename), so the
    /// watcher takes it like any dropped file.
    private func submit(name: String, bytes: [UInt8]) throws -> ControlResponse {
        let base = (name as NSString).lastPathComponent
        guard !base.isEmpty, base != ".", base != "..", !base.hasPrefix("."),
              !base.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure("`\(name.sanitizedForLog)` is not a usable file name")
        }
        var target = inbox.appendingPathComponent(base)
        var number = 1
        while FileManager.default.fileExists(atPath: target.path) {
            target = inbox.appendingPathComponent(NoClobberMove.suffixed(base, number))
            number += 1
        }
        let temporary = inbox.appendingPathComponent(".submit-\(UUID().uuidString).part")
        try Data(bytes).write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: target)
        return .success(try JSONValue(encoding: SubmitView(reportId: ContentHash.of(bytes), file: target.lastPathComponent,
                                                           path: target.path)))
    }

    private func retry(_ id: String) throws -> ControlResponse {
        guard let record = try pipeline.store.reports(idPrefix: id.lowercased()).first, id.count >= 8 else {
            return .failure("no report with id \(id.sanitizedForLog)")
        }
        guard try pipeline.retry(reportId: record.id) else {
            return .failure("report \(record.id) is \(record.state.rawValue); only failed reports can be retried")
        }
        return .success(.object(["report_id": .string(record.id), "state": .string("accepted")]))
    }

    private func search(_ request: ControlServer.Request) -> ControlResponse? {
        guard broker.serves(ServiceName.search) else {
            return .failure("no worker serves `search` right now (is report-indexer running? see reportctl status)")
        }
        let query = SearchRequest(query: request.body.query ?? "", limit: min(max(request.body.limit ?? 20, 1), 1000))
        guard let input = try? WireJSON.encode(query) else { return .failure("could not encode the query") }
        pipeline.enqueue(WorkItem(service: ServiceName.search, origin: .control(client: request.client, input: input)))
        return nil
    }
}
