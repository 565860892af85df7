/// The `data` of successful control replies, one type per command that returns structured data.
/// The daemon encodes them with `WireJSON` (snake_case keys) and `reportctl` decodes them;
/// docs/PROTOCOL.md shows each as JSON.

/// `status`: what the daemon is doing right now.
public struct StatusView: Codable, Sendable, Equatable {
    /// Every worker the broker knows, connected or recently lost.
    public var workers: [WorkerView]
    /// Every plugin process the supervisor runs.
    public var plugins: [PluginView]
    /// Jobs waiting for a worker, by service name.
    public var queues: [String: Int]
    public var counts: CountsView
    /// The seq of the newest feed event, 0 when nothing was published yet.
    public var lastSeq: Int64
    public var uptimeSeconds: Double
    /// The daemon's version.
    public var version: String
    /// The feed socket's counters; absent from daemons older than this field.
    public var feed: FeedView?

    public init(workers: [WorkerView], plugins: [PluginView], queues: [String: Int], counts: CountsView,
                lastSeq: Int64, uptimeSeconds: Double, version: String, feed: FeedView? = nil) {
        self.workers = workers
        self.plugins = plugins
        self.queues = queues
        self.counts = counts
        self.lastSeq = lastSeq
        self.uptimeSeconds = uptimeSeconds
        self.version = version
        self.feed = feed
    }
}

/// The feed since the daemon started. libzmq's XPUB neither says which subscriber missed an event
/// nor how many it skipped, so what is counted is each overflow; each subscriber sees its own losses
/// as `seq` gaps (reportctl subscribe fills them from replay).
public struct FeedView: Codable, Sendable, Equatable {
    /// Live subscriptions (a subscriber to several topics counts once per topic).
    public var subscriptions: Int
    /// Events sent on the feed.
    public var published: Int
    /// Times a subscriber had `high_water_mark` events unread; from then until it read again it missed every event.
    public var overflows: Int
    /// Events the socket refused for another reason (see the daemon's log).
    public var unsent: Int
    /// `[feed] high_water_mark`: events queued per subscriber before it starts losing them.
    public var highWaterMark: Int

    public init(subscriptions: Int, published: Int, overflows: Int, unsent: Int, highWaterMark: Int) {
        self.subscriptions = subscriptions
        self.published = published
        self.overflows = overflows
        self.unsent = unsent
        self.highWaterMark = highWaterMark
    }
}

/// One worker connection as the broker sees it.
public struct WorkerView: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Connected and waiting for a job.
        case idle
        /// Working on `currentJob`.
        case busy
        /// Missed `liveness` heartbeats in a row; its job was requeued.
        case dead
    }

    /// The ROUTER routing id of the connection, as lowercase hex.
    public var identity: String
    /// From the worker's READY hello.
    public var name: String
    public var version: String
    public var services: [String]
    public var state: State
    public var jobsDone: Int
    /// The job id the worker is busy with.
    public var currentJob: String?

    public init(identity: String, name: String, version: String, services: [String], state: State,
                jobsDone: Int, currentJob: String? = nil) {
        self.identity = identity
        self.name = name
        self.version = version
        self.services = services
        self.state = state
        self.jobsDone = jobsDone
        self.currentJob = currentJob
    }
}

/// One plugin process the supervisor started from a manifest.
public struct PluginView: Codable, Sendable, Equatable {
    /// The manifest's name.
    public var name: String
    /// 0-based instance number when a manifest asks for several processes.
    public var instance: Int
    /// Nil while the process is not running.
    public var pid: Int32?
    /// One of `starting`, `running`, `backoff` (waiting to restart), `stopped`, `failed` (gave up).
    public var state: String
    /// How often the supervisor restarted it since the daemon started.
    public var restarts: Int

    public init(name: String, instance: Int, pid: Int32?, state: String, restarts: Int) {
        self.name = name
        self.instance = instance
        self.pid = pid
        self.state = state
        self.restarts = restarts
    }
}

/// Reports by where they are in the pipeline.
public struct CountsView: Codable, Sendable, Equatable {
    /// Every report ever accepted (distinct report ids).
    public var accepted: Int
    public var inProgress: Int
    public var done: Int
    public var failed: Int
    /// Files dropped whose bytes matched a report already accepted.
    public var duplicates: Int

    public init(accepted: Int, inProgress: Int, done: Int, failed: Int, duplicates: Int) {
        self.accepted = accepted
        self.inProgress = inProgress
        self.done = done
        self.failed = failed
        self.duplicates = duplicates
    }
}

/// `get`: everything stored for one report.
public struct ReportView: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    /// The last stage reached: `accepted`, `parsed`, `indexed`, `summarized`, `done` or `failed`.
    public var state: String
    /// Failed tries of the report's current stage (a stage that succeeds starts the count again);
    /// a failed report keeps the count it gave up at.
    public var attempts: Int
    /// Why the report failed, when `state` is `failed`.
    public var error: String?
    /// RFC 3339 time the file was accepted.
    public var receivedAt: String
    public var document: ParsedDocument?
    public var index: IndexResult?
    public var summary: SummaryResult?
    /// The report's feed events, oldest first.
    public var events: [FeedEnvelope]

    public init(reportId: String, file: String, state: String, attempts: Int, error: String? = nil,
                receivedAt: String, document: ParsedDocument? = nil, index: IndexResult? = nil,
                summary: SummaryResult? = nil, events: [FeedEnvelope] = []) {
        self.reportId = reportId
        self.file = file
        self.state = state
        self.attempts = attempts
        self.error = error
        self.receivedAt = receivedAt
        self.document = document
        self.index = index
        self.summary = summary
        self.events = events
    }
}

/// `replay`: a page of stored feed events.
public struct ReplayView: Codable, Sendable, Equatable {
    /// Events with seq > the request's `since` (and the request's topic prefix, if any), oldest first,
    /// at most the request's `limit`. Fewer than `limit` without `more` means the page reached the newest event.
    public var events: [FeedEnvelope]
    /// The seq of the newest event the daemon had published when it answered.
    public var lastSeq: Int64
    /// True when the page was cut short by size (parsed documents are large): ask again from the
    /// last seq even though fewer than `limit` events came.
    public var more: Bool?

    public init(events: [FeedEnvelope], lastSeq: Int64, more: Bool? = nil) {
        self.events = events
        self.lastSeq = lastSeq
        self.more = more
    }
}

/// `submit`: where the daemon put the bytes.
public struct SubmitView: Codable, Sendable, Equatable {
    /// SHA-256 of the bytes; nil if the daemon leaves hashing to its inbox watcher.
    public var reportId: String?
    /// The base name the file was stored under (made unique if the inbox already had one).
    public var file: String
    /// The absolute path written in the inbox.
    public var path: String

    public init(reportId: String?, file: String, path: String) {
        self.reportId = reportId
        self.file = file
        self.path = path
    }
}

/// `reindex`: what was queued for the indexer.
public struct ReindexView: Codable, Sendable, Equatable {
    /// Reports whose stored document was queued for indexing, in the order queued.
    public var queued: [String]
    /// Reports left out because a stage of theirs is queued or running already (they are indexed anyway).
    public var busy: [String]

    public init(queued: [String], busy: [String]) {
        self.queued = queued
        self.busy = busy
    }
}

/// `compare`: one indicator across every stored report.
public struct CompareView: Codable, Sendable, Equatable {
    /// The indicator's key (`track`'s): the name asked for, GDP's other names as 地区生产总值, or the
    /// first stored name containing what was asked (收入 → 一般公共预算收入).
    public var indicator: String
    /// One row per report that states the indicator (its copies counted once), by region then year.
    public var rows: [CompareRow]
    /// Done reports no row stands for: they state no figure of it for the years they review and
    /// plan, or none at all; nil when `more` is true (counting them would read every report).
    public var reportsWithout: Int?
    /// True when regions and plan years past the `limit` read state the indicator.
    public var more: Bool

    public init(indicator: String, rows: [CompareRow], reportsWithout: Int?, more: Bool = false) {
        self.indicator = indicator
        self.rows = rows
        self.reportsWithout = reportsWithout
        self.more = more
    }
}

extension CompareView {
    /// `more` is absent from daemons before it, which gave every row.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(indicator: try container.decode(String.self, forKey: .indicator),
                  rows: try container.decode([CompareRow].self, forKey: .rows),
                  reportsWithout: try container.decodeIfPresent(Int.self, forKey: .reportsWithout),
                  more: try container.decodeIfPresent(Bool.self, forKey: .more) ?? false)
    }
}

/// One report's figures for the compared indicator: the year it reviews and the year it plans.
public struct CompareRow: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    public var region: String?
    /// The year the actual figure is for (the report's review year).
    public var year: Int?
    /// The headline actual figure (the first the report states), nil when it states none.
    public var actual: Indicator?
    /// The headline target for the next year, nil when the report sets none.
    public var target: Indicator?
    /// Other stored copies of this report (near-duplicates, or the same region and plan year),
    /// counted once through this row: the most complete parse of them, ties to the earliest (or
    /// the earliest that states a figure, when that one states none).
    public var copies: [String]

    public init(reportId: String, file: String, region: String?, year: Int?, actual: Indicator?, target: Indicator?,
                copies: [String] = []) {
        self.copies = copies
        self.reportId = reportId
        self.file = file
        self.region = region
        self.year = year
        self.actual = actual
        self.target = target
    }
}

extension CompareRow {
    /// `copies` is absent from daemons before it, which listed every copy as a row of its own.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(reportId: try container.decode(String.self, forKey: .reportId), file: try container.decode(String.self, forKey: .file),
                  region: try container.decodeIfPresent(String.self, forKey: .region),
                  year: try container.decodeIfPresent(Int.self, forKey: .year),
                  actual: try container.decodeIfPresent(Indicator.self, forKey: .actual),
                  target: try container.decodeIfPresent(Indicator.self, forKey: .target),
                  copies: try container.decodeIfPresent([String].self, forKey: .copies) ?? [])
    }
}
