/// The settle rule: a file is ready once its stamp (inode, size, mtime) stayed the same for the
/// settle time and no writer holds it open, or at once when it arrived by rename and the kernel
/// proved nobody still writes it (see `OpenWriterProbe`). Any change, or a writer still there
/// when the time is up, re-arms the wait. A version handed out is never handed out again.
struct SettleTracker {
    struct Pending {
        var stamp: FileStamp
        /// When the file may be handed out if its stamp has not changed by then.
        var due: ContinuousClock.Instant
    }

    let settle: Duration
    private(set) var pending: [String: Pending] = [:]
    /// The version of each name already handed to the loop, until the name leaves the inbox.
    private(set) var handedOut: [String: FileStamp] = [:]

    init(settle: Duration) {
        self.settle = settle
    }

    /// The earliest moment a waiting file may be ready; nil when none waits.
    var nextDue: ContinuousClock.Instant? { pending.values.lazy.map(\.due).min() }

    /// Records a sighting; returns true when this starts or restarts a wait. A `complete`
    /// sighting (renamed in, no writer) of this stamp is due at once.
    @discardableResult
    mutating func observe(_ name: String, stamp: FileStamp, now: ContinuousClock.Instant, complete: Bool = false) -> Bool {
        if handedOut[name] == stamp { return false }
        if let known = pending[name], known.stamp == stamp {
            if complete { pending[name]?.due = min(known.due, now) }
            return false
        }
        pending[name] = Pending(stamp: stamp, due: complete ? now : now + settle)
        return true
    }

    /// Checks each waiting file against its current stamp (nil when it is gone or no longer a
    /// regular file, which drops it) and returns those that are due, earliest first. A file
    /// whose stamp changed waits the settle time again, whatever proof it had; so does a due file
    /// that `writerPresent` says someone still holds open for writing (a writer pausing longer
    /// than the settle time between two writes would otherwise hand out half a file).
    mutating func settled(now: ContinuousClock.Instant, currentStamp: (String) -> FileStamp?,
                          writerPresent: (String) -> Bool = { _ in false }) -> [(String, FileStamp)] {
        var ready: [(String, FileStamp, ContinuousClock.Instant)] = []
        for (name, entry) in pending {
            guard let stamp = currentStamp(name) else {
                pending[name] = nil
                continue
            }
            if stamp != entry.stamp {
                pending[name] = Pending(stamp: stamp, due: now + settle)
            } else if now >= entry.due {
                if writerPresent(name) {
                    pending[name]?.due = now + settle
                } else {
                    ready.append((name, stamp, entry.due))
                }
            }
        }
        ready.sort { ($0.2, $0.0) < ($1.2, $1.0) }
        for (name, stamp, _) in ready {
            pending[name] = nil
            handedOut[name] = stamp
        }
        return ready.map { ($0.0, $0.1) }
    }

    mutating func forget(_ name: String) {
        pending[name] = nil
        handedOut[name] = nil
    }

    /// Forgets every name not in `present` (used after a rescan, when departures may have been missed).
    mutating func retain(only present: Set<String>) {
        pending = pending.filter { present.contains($0.key) }
        handedOut = handedOut.filter { present.contains($0.key) }
    }
}
