import Foundation
import Logging

/// Watches the inbox with inotify and hands out files that finished arriving.
///
/// Driven by the daemon's single-threaded loop: poll `fileDescriptor` for input, call
/// `drainEvents(now:)` when it is readable, and `readyFiles(now:)` after that and whenever
/// `nextDeadline` passes. Nothing here blocks or spawns threads.
final class InboxWatcher {
    let directory: URL
    private let inotify: Inotify
    private let classifier: InboxEntryClassifier
    private var tracker: SettleTracker
    private let logger: Logger
    /// Names already logged as skipped, so a busy editor swap file logs once, not on every save.
    private var reportedSkips: Set<String> = []
    /// Names logged as waiting for their writer to close them, so each is said once.
    private var heldOpen: Set<String> = []
    private var watchLost = false
    private var nextRewatch: ContinuousClock.Instant?

    /// The descriptor to poll for input (POLLIN).
    var fileDescriptor: Int32 { inotify.fileDescriptor }
    /// How many files are waiting to settle.
    var pendingCount: Int { tracker.pending.count }
    /// When `readyFiles` next has something to do without a new event: a settle wait ends or
    /// a lost inbox is due to be watched again. Nil when nothing waits.
    var nextDeadline: ContinuousClock.Instant? {
        [tracker.nextDue, watchLost ? nextRewatch : nil].compactMap { $0 }.min()
    }

    /// Starts watching `directory` (which must exist) and rescans it, so files dropped while
    /// the daemon was down are picked up too.
    init(directory: URL, settleMilliseconds: Int, ignorePatterns: [String],
                logger: Logger, now: ContinuousClock.Instant = .now) throws(InboxError) {
        self.directory = directory
        self.classifier = InboxEntryClassifier(directory: directory, ignorePatterns: ignorePatterns)
        self.tracker = SettleTracker(settle: .milliseconds(settleMilliseconds))
        self.logger = logger
        self.inotify = try Inotify()
        // Watch before listing: a file arriving in between is then seen at least once.
        try inotify.addWatch(directory.path)
        try rescan(now: now)
        logger.info("watching inbox", metadata: ["inbox": "\(directory.path.sanitizedForLog)"])
    }

    convenience init(config: DaemonConfig, logger: Logger, now: ContinuousClock.Instant = .now) throws(InboxError) {
        try self.init(directory: config.inbox, settleMilliseconds: config.settleMilliseconds,
                      ignorePatterns: config.ignorePatterns,
                      logger: logger, now: now)
    }

    /// Reads every queued inotify event without blocking; rescans after a queue overflow.
    func drainEvents(now: ContinuousClock.Instant = .now) {
        let events: [InotifyEvent]
        do {
            events = try inotify.readAll()
        } catch {
            logger.error("inotify read failed", metadata: ["error": "\(error)"])
            return
        }
        var overflowed = false
        for event in events {
            if event.has(IN_Q_OVERFLOW) {
                overflowed = true
            } else if event.watch != inotify.watch {
                continue  // a late event for a watch already replaced
            } else if event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) || event.has(IN_IGNORED) {
                loseWatch(event, now: now)
            } else if event.has(IN_MOVED_FROM) || event.has(IN_DELETE) {
                tracker.forget(event.name)
                reportedSkips.remove(event.name)
                heldOpen.remove(event.name)
            } else if !event.name.isEmpty {
                consider(event.name, now: now, renamedIn: event.has(IN_MOVED_TO),
                         createdOnly: event.has(IN_CREATE) && !event.has(IN_CLOSE_WRITE))
            }
        }
        if overflowed {
            let limit = "/proc/sys/fs/inotify/max_queued_events"
            logger.warning("inotify queue overflowed, rescanning the inbox; raise \(limit) (now \(Inotify.kernelSetting(limit))) if this repeats")
            do {
                try rescan(now: now)
            } catch {
                logger.error("inbox rescan failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The files that have settled since the last call, each handed out once. A file still
    /// growing or rewritten waits again; one that vanished or stopped being a regular file is dropped.
    func readyFiles(now: ContinuousClock.Instant = .now) -> [InboxFile] {
        if watchLost { rewatch(now: now) }
        let settled = tracker.settled(now: now, currentStamp: { name in
            if case .regular(let stamp) = classifier.classify(name) { return stamp }
            logger.debug("inbox file went away before settling", metadata: ["file": "\(name.sanitizedForLog)"])
            return nil
        }, writerPresent: { name in
            guard OpenWriterProbe.probe(directory.appendingPathComponent(name)) == .writerPresent else { return false }
            if heldOpen.insert(name).inserted {
                logger.info("inbox file unchanged but still open for writing: waiting for its writer to close it",
                            metadata: ["file": "\(name.sanitizedForLog)"])
            }
            return true
        })
        heldOpen.subtract(settled.map(\.0))
        return settled.map { name, stamp in
            let file = InboxFile(name: name, url: directory.appendingPathComponent(name), size: stamp.size, stamp: stamp)
            logger.debug("inbox file settled", metadata: ["file": "\(name.sanitizedForLog)", "bytes": "\(stamp.size)"])
            return file
        }
    }

    /// Whether a name that appeared by IN_CREATE alone may be tracked to its settle time. It is a
    /// hard link (complete, and copied at intake), an `O_TMPFILE` linked in, or a file being
    /// written in place (`open(O_CREAT)`). Only the lease probe can tell a writer that paused
    /// longer than `settle_ms` from a finished file; where it cannot answer (no CAP_LEASE and
    /// another owner, a file system without leases) a pausing writer would be taken half-written,
    /// so such a file waits for the IN_CLOSE_WRITE its writer's close gives (an `O_TMPFILE` then
    /// waits for the next rescan: at start or after an overflow). Found in review: a daemon
    /// without CAP_LEASE took 20,000 of 39,125 bytes from a writer that paused 3 s.
    private static func mayTrackOnCreate(_ url: URL) -> Bool {
        var info = stat()
        if lstat(url.path, &info) == 0, info.st_nlink > 1 { return true }
        return OpenWriterProbe.probe(url) != .unknown
    }

    /// Lists the inbox and considers every entry, forgetting names that are gone.
    func rescan(now: ContinuousClock.Instant = .now) throws(InboxError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw InboxError("cannot list the inbox \(directory.path.sanitizedForLog): \(error.localizedDescription)")
        }
        tracker.retain(only: Set(names))
        reportedSkips.formIntersection(names)
        heldOpen.formIntersection(names)
        for name in names.sorted() { consider(name, now: now) }
        logger.debug("inbox rescanned", metadata: ["entries": "\(names.count)", "pending": "\(tracker.pending.count)"])
    }

    /// A file renamed into the inbox was written in full under another name, unless a writer
    /// still holds it open: with the kernel's word that none does, it is taken at once. Files
    /// written in place, found by a rescan, or without that proof wait out the settle time.
    /// A new name (IN_CREATE) always waits: `open(O_CREAT)` announces the file before its
    /// creator holds it open, so a probe at that instant could find no writer on an empty file;
    /// a hard link or an `O_TMPFILE` linked in is complete, and is taken when the settle time ends.
    private func consider(_ name: String, now: ContinuousClock.Instant, renamedIn: Bool = false, createdOnly: Bool = false) {
        switch classifier.classify(name) {
        case .regular(let stamp):
            if createdOnly, !Self.mayTrackOnCreate(directory.appendingPathComponent(name)) {
                logger.debug("inbox file created in place, no lease to watch its writer: waiting for it to be closed",
                             metadata: ["file": "\(name.sanitizedForLog)"])
                return
            }
            if renamedIn, case .noWriter(let proven) = OpenWriterProbe.probe(directory.appendingPathComponent(name)),
               proven.device == stamp.device, proven.inode == stamp.inode {
                tracker.observe(name, stamp: proven, now: now, complete: true)
            } else if tracker.observe(name, stamp: stamp, now: now) {
                logger.debug("inbox file arrived, waiting for it to settle", metadata: ["file": "\(name.sanitizedForLog)"])
            }
        case .ignoredName(let pattern):
            if reportedSkips.insert(name).inserted {
                logger.debug("skipping inbox entry matching an ignore pattern",
                             metadata: ["file": "\(name.sanitizedForLog)", "pattern": "\(pattern)"])
            }
        case .notRegular(let kind):
            if reportedSkips.insert(name).inserted {
                logger.info("skipping inbox entry that is not a regular file",
                            metadata: ["file": "\(name.sanitizedForLog)", "kind": "\(kind)"])
            }
        case .vanished:
            tracker.forget(name)
        }
    }

    /// The inbox itself was deleted or moved away: keep the loop alive and re-create it.
    private func loseWatch(_ event: InotifyEvent, now: ContinuousClock.Instant) {
        guard !watchLost else { return }
        watchLost = true
        nextRewatch = now
        inotify.removeWatch()
        let what = event.has(IN_MOVE_SELF) ? "moved away" : "removed"
        logger.error("the inbox directory was \(what); re-creating it", metadata: ["inbox": "\(directory.path.sanitizedForLog)"])
    }

    private func rewatch(now: ContinuousClock.Instant) {
        guard let due = nextRewatch, now >= due else { return }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try inotify.addWatch(directory.path)
            watchLost = false
            nextRewatch = nil
            try rescan(now: now)
            logger.warning("watching the inbox again", metadata: ["inbox": "\(directory.path.sanitizedForLog)"])
        } catch {
            nextRewatch = now + .seconds(1)
            logger.debug("cannot watch the inbox yet", metadata: ["error": "\(error)"])
        }
    }
}
