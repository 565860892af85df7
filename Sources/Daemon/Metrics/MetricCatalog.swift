/// Every metric the daemon exports: its name, its help text and, for histograms, its buckets.
/// swift-metrics has no help text, so the factory looks it up here by name; a name missing here
/// is a programming error caught by the unit test that renders every metric.
enum MetricCatalog {
    static let feedEvents = "reportd_feed_events_total"
    static let reportsFailed = "reportd_reports_failed_total"
    static let duplicates = "reportd_duplicates_total"
    static let jobs = "reportd_jobs_total"
    static let retries = "reportd_job_retries_total"
    static let jobDuration = "reportd_job_duration_seconds"
    static let stageLatency = "reportd_stage_latency_seconds"
    static let queueDepth = "reportd_queue_depth"
    static let queueOldestAge = "reportd_queue_oldest_age_seconds"
    static let jobsRunning = "reportd_jobs_running"
    static let workers = "reportd_workers"
    static let pluginProcesses = "reportd_plugin_processes"
    static let feedSubscriptions = "reportd_feed_subscriptions"
    static let feedOverflows = "reportd_feed_overflows_total"
    static let feedUnsent = "reportd_feed_unsent_total"
    static let storeBytes = "reportd_store_bytes"
    static let reports = "reportd_reports"
    static let deadLetters = "reportd_dead_letters"
    static let inboxBacklog = "reportd_inbox_backlog"
    static let buildInfo = "reportd_build_info"
    static let startTime = "process_start_time_seconds"

    static let help: [String: String] = [
        feedEvents: "Events published on the feed since the daemon started, by topic (report.accepted, report.done, report.failed, ...); equals the envelopes a subscriber sees.",
        reportsFailed: "Reports that failed, by the stage that gave up and a reason class (rejected_by_worker, gave_up, invalid_result, too_large, input_missing, other).",
        duplicates: "Files whose bytes were already a known report, shelved without being processed again.",
        jobs: "Jobs that ended, by service and outcome (answered, failed, refused, lost, timed_out).",
        retries: "Jobs queued again after a retryable failure, a lost worker or a timeout, by service.",
        jobDuration: "Time from sending a job to a worker to its answer, by service.",
        stageLatency: "Time from queuing a report's stage to the answer that completed it: waiting, work and retries, by stage.",
        queueDepth: "Jobs waiting for a worker (retries waiting out their back-off included), by service.",
        queueOldestAge: "Age of the oldest job waiting for a worker, by service; 0 when none waits.",
        jobsRunning: "Jobs sent to a worker and not yet answered, by service.",
        workers: "Workers connected to the broker, by service they announced and state (idle, busy).",
        pluginProcesses: "Supervised plugin processes, by plugin and state (starting, running, backoff, failed, stopped).",
        feedSubscriptions: "Live subscriptions on the feed socket (a subscriber to several topics counts once per topic).",
        feedOverflows: "Times a feed subscriber fell feed.high_water_mark events behind and started missing events.",
        feedUnsent: "Feed events the socket refused for a reason other than a slow subscriber (see the log).",
        storeBytes: "Size of the state database on disk, its write-ahead log included.",
        reports: "Reports in the store, by state (accepted, parsed, done, failed).",
        deadLetters: "Reports in the failed state: their files wait in failed/ for `reportctl retry`.",
        inboxBacklog: "Files seen in the inbox and not yet taken (waiting to settle or for their writer to close).",
        buildInfo: "The daemon's version, as a label; the value is always 1.",
        startTime: "When the daemon started, in seconds since the Unix epoch.",
    ]

    /// Job durations run from milliseconds (a search) to the job timeout (120 s by default).
    static let jobDurationBuckets: [Duration] = [
        .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120),
    ]

    /// A stage's latency adds the wait behind a backlog and the back-off of retries: up to an hour.
    static let stageLatencyBuckets: [Duration] = [
        .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(10), .seconds(30),
        .seconds(60), .seconds(300), .seconds(900), .seconds(3600),
    ]

    static func buckets(_ name: String) -> [Duration] {
        name == stageLatency ? stageLatencyBuckets : jobDurationBuckets
    }
}
