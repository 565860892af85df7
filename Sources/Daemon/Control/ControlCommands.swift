import Foundation
import ReportProtocol

/// Answers `reportctl`: each command reads the store, the broker or the supervisor and replies,
/// except `search` and `trend`, which become jobs for a worker serving `search`, and the commands
/// that read across the store (`get`, `compare`, `track`, `series`), which the query thread
/// answers: both are answered later.
struct ControlCommands {
    /// What `status`, `list`, `replay`, `retry` and `reindex` read: the loop's own store.
    let store: StateStore
    /// Where `search`, `trend`, `retry` and `reindex` hand their work.
    let pipeline: Pipeline
    let broker: Broker
    let supervisor: Supervisor
    let inbox: URL
    let startedAt: Date
    /// The /metrics text, refreshed at the moment of asking.
    let metricsText: () -> String
    /// `watcher.ignore`: a name the watcher would never take is refused at `submit`.
    let ignorePatterns: [String]
    /// `feed.replay_page_bytes`: the envelopes one `replay` reply carries at most (one larger envelope goes alone).
    let replayPageBytes: Int

    /// The thread that answers the commands reading across the store, off the loop.
    let queries: QueryService

    /// Whether the daemon is shutting down: work for a worker is refused then.
    let isStopping: () -> Bool

    /// The reply, or nil when the answer comes later from a worker.
    func answer(_ request: ControlServer.Request) -> ControlReply? {
        do {
            switch request.body.command {
            case .status: return .response(.success(try JSONValue(encoding: status())))
            case .get, .compare, .track, .series:
                queries.submit(request)
                return nil
            case .replay: return .encoded(try replay(request.body))
            case .submit: return .response(try submit(name: request.body.file ?? "", bytes: request.payload))
            case .retry: return .response(try retry(request.body.reportId ?? ""))
            case .search: return search(request).map(ControlReply.response)
            case .reindex: return .response(.success(try JSONValue(encoding: reindex())))
            case .list: return .response(try list(request.body))
            case .metrics: return .response(.success(.string(metricsText())))
            case .trend: return trend(request).map(ControlReply.response)
            }
        } catch {
            return .response(.failure(.internal, "\(request.body.command.rawValue) failed: \(error)"))
        }
    }

    private func status() throws -> StatusView {
        let counts = try store.counts()
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
                                             failed: failed, duplicates: try store.counter("duplicates")),
                          lastSeq: try store.lastSeq(), uptimeSeconds: Date().timeIntervalSince(startedAt),
                          version: ReportdVersion.current, feed: pipeline.publisher.view)
    }

    /// A page of stored envelopes, spliced into the reply as stored rather than decoded and
    /// re-encoded, and cut at `feed.replay_page_bytes` (parsed documents are large): `more` then
    /// tells the client to ask again from the last seq it got.
    private func replay(_ request: ControlRequest) throws -> [UInt8] {
        let limit = min(max(request.limit ?? 1000, 1), 10_000)
        let page = try store.eventPage(since: request.since ?? 0, limit: limit, maxBytes: replayPageBytes,
                                                topicPrefix: request.topic)
        var reply = Array(#"{"data":{"events":["#.utf8)
        for (index, event) in page.events.enumerated() {
            if index > 0 { reply.append(UInt8(ascii: ",")) }
            reply += event.envelope
        }
        reply += Array(#"],"last_seq":\#(try store.lastSeq()),"more":\#(page.more)},"ok":true}"#.utf8)
        return reply
    }

    /// Writes the bytes into the inbox the safe way (a hidden temporary name, then a move that
    /// never replaces a file), so the watcher takes it like any dropped file.
    private func submit(name: String, bytes: [UInt8]) throws -> ControlResponse {
        let base = (name as NSString).lastPathComponent
        guard !base.isEmpty, base != ".", base != "..", !base.hasPrefix("."),
              !base.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(.invalid, "`\(name.sanitizedForLog)` is not a usable file name")
        }
        // Written under such a name it would sit in the inbox untaken (and `submit --wait` would
        // wait for nothing): found in review with draft.tmp.
        if let pattern = ignorePatterns.first(where: { fnmatch($0, base, 0) == 0 }) {
            return .failure(.invalid, "`\(base.sanitizedForLog)` matches the inbox's ignore pattern `\(pattern)` (watcher.ignore): the watcher would never take it; rename the file")
        }
        // The inbox would take it only to fail it unread: say so now, and write nothing.
        guard bytes.count <= pipeline.policy.maxFileBytes else {
            return .failure(.refused, "\(base.sanitizedForLog) is \(bytes.count) bytes, over the limit of \(pipeline.policy.maxFileBytes) (watcher.max_file_bytes)")
        }
        let temporary = inbox.appendingPathComponent(".submit-\(UUID().uuidString).part")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try Data(bytes).write(to: temporary)
        // The no-clobber move links the file in: the watcher hears IN_CREATE.
        let target = try NoClobberMove.move(temporary, into: inbox, name: base)
        return .success(try JSONValue(encoding: SubmitView(reportId: ContentHash.of(bytes), file: target.lastPathComponent,
                                                           path: target.path)))
    }

    private func retry(_ idOrPrefix: String) throws -> ControlResponse {
        let record: ReportRecord
        switch try store.resolve(idOrPrefix) {
        case .refused(let refusal): return refusal
        case .found(let found): record = found
        }
        switch try pipeline.retry(reportId: record.id) {
        case .requeued:
            return .success(try WireJSON.decode(JSONValue.self, from: store.encodedView(of: try store.report(id: record.id) ?? record)))
        case .unknown:
            return .failure(.notFound, "no report with id \(idOrPrefix)")
        case .notFailed(let state):
            return .failure(.refused, "report \(record.id) is \(state.rawValue); only failed reports can be retried")
        case .inputMissing(let detail):
            return .failure(.refused, "report \(record.id) cannot be retried: its input is missing (\(detail))")
        }
    }

    private func search(_ request: ControlServer.Request) -> ControlResponse? {
        guard !isStopping() else { return .failure(.refused, "reportd is shutting down") }
        guard broker.serves(ServiceName.search) else {
            return .failure(.refused, "no worker serves `search` right now (is report-indexer running? see reportctl status)")
        }
        let query = SearchRequest(query: request.body.query ?? "", limit: min(max(request.body.limit ?? 20, 1), 1000),
                                  region: request.body.region, year: request.body.year, section: request.body.section)
        guard let input = try? WireJSON.encode(query) else { return .failure(.internal, "could not encode the query") }
        pipeline.handle(.requested(service: ServiceName.search, client: request.client, input: input, now: .now))
        return nil
    }
}

/// What the control socket sends back: a response to encode, or one already encoded.
enum ControlReply {
    case response(ControlResponse)
    case encoded([UInt8])
}
