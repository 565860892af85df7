import Foundation
import ReportProtocol

/// How reports enter the pipeline: from the inbox, from the work area after a restart,
/// and back from failed/ by `reportctl retry`.
extension Pipeline {
    /// Takes a settled file from the inbox: hash it, move it into the work area, record it.
    /// A file with other hard links (`ln` into the inbox) gets a copy of its own in the work
    /// area, hashed as it is copied: the other names can still be written, and the report must
    /// keep the bytes its id is the hash of. Other files are renamed in, as before.
    func ingest(_ url: URL, now: ContinuousClock.Instant = .now) {
        let name = url.lastPathComponent
        do {
            let input = try InputFile(url, label: name.sanitizedForLog)
            let staged = input.links > 1 && input.size <= policy.maxFileBytes ? try workArea.stageCopy(of: input) : nil
            let (id, size) = try staged.map { ($0.id, $0.size) } ?? input.hash()
            do {
                if let known = try store.report(id: id) {
                    staged.map(workArea.discard)
                    try shelveDuplicate(url, name: name, of: known)
                    return
                }
                if let staged { try workArea.take(staged, from: url) } else { try workArea.take(url, as: id) }
            } catch {
                // The inbox keeps the file; a copy that was not put in place is not left behind.
                staged.map(workArea.discard)
                throw error
            }
            // Its own transaction, not the wake-up's group: the next file's duplicate check reads it.
            guard let accepted = try store.accept(id: id, file: name, size: size, time: Date().rfc3339) else { return }
            publisher.publish(accepted)
            logger.debug("accepted \(name.sanitizedForLog) as \(id.prefix(12))", metadata: .report(id, file: name, stage: "intake"))
            handle(.accepted(id: id, file: name, size: size, now: now))
        } catch CocoaError.fileReadNoSuchFile, CocoaError.fileNoSuchFile {
            logger.debug("\(name.sanitizedForLog) vanished before it could be read", metadata: .report(nil, file: name, stage: "intake"))
        } catch {
            logger.error("could not take \(name.sanitizedForLog) from the inbox: \(error)", metadata: .report(nil, file: name, stage: "intake"))
        }
    }

    private func shelveDuplicate(_ url: URL, name: String, of known: ReportRecord) throws {
        let reason = "same content as report \(known.id) (\(known.file), \(known.state.rawValue))"
        let destination = known.state == .failed
            ? try layout.moveToFailed(url, name: name, reason: reason)
            : try layout.moveToProcessed(url, name: name)
        try store.incrementCounter("duplicates")
        metrics.duplicate()
        logger.info("\(name.sanitizedForLog) is a duplicate of \(known.id.prefix(12)); moved to \(destination.path.sanitizedForLog)",
                    metadata: .report(known.id, file: name, stage: "intake"))
    }

    /// Picks up where a previous run stopped: files in the work area and unfinished reports.
    func resume(now: ContinuousClock.Instant = .now) throws {
        workArea.removeUnfinishedCopies()
        for id in workArea.reportIds() {
            guard let record = try store.report(id: id) else {
                // Moved in but not recorded before a crash: record it now.
                ingestFromWorkArea(id: id)
                continue
            }
            if record.state.isTerminal { shelve(id: id, file: record.file, state: record.state, reason: record.error) }
        }
        let unfinished = try store.unfinishedReports().map { record in
            RecoveredReport(record: record, inputPresent: FileManager.default.fileExists(atPath: workArea.url(for: record.id).path))
        }
        handle(.recovered(unfinished, now: now))
        commit(now: now)
    }

    /// Records a work file whose acceptance a crash interrupted; the unfinished reports that
    /// follow include it, so its parse job is queued with them.
    private func ingestFromWorkArea(id: String) {
        let url = workArea.url(for: id)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard let accepted = try? store.accept(id: id, file: id, size: size, time: Date().rfc3339) else { return }
        publisher.publish(accepted)
    }

    /// `reportctl retry`: a failed report goes back to the start. Its input comes back from
    /// exactly the name it got in failed/, and only if those bytes are still the report's.
    func retry(reportId: String, now: ContinuousClock.Instant = .now) throws -> RetryOutcome {
        guard let record = try store.report(id: reportId) else { return .unknown }
        guard record.state == .failed else { return .notFailed(record.state) }
        if !FileManager.default.fileExists(atPath: workArea.url(for: reportId).path) {
            guard let shelved = record.shelvedAs.map({ layout.failed.appendingPathComponent($0) }),
                  FileManager.default.fileExists(atPath: shelved.path) else {
                return .inputMissing("failed/\(record.shelvedAs ?? record.file)")
            }
            guard try ContentHash.of(fileAt: shelved).id == reportId else {
                return .inputMissing("failed/\(shelved.lastPathComponent) no longer holds the report's bytes")
            }
            // The reason file stays in failed/ as the record of the earlier failure.
            try workArea.take(shelved, as: reportId)
        }
        guard let event = try store.requeue(id: reportId, time: Date().rfc3339) else { return .notFailed(record.state) }
        publisher.publish(event)
        handle(.accepted(id: reportId, file: record.file, size: record.size, now: now))
        return .requeued
    }
}

/// What `reportctl retry` achieved.
enum RetryOutcome: Equatable {
    case requeued
    case unknown
    case notFailed(ReportState)
    /// The failed input cannot be found (or was replaced); nothing was changed.
    case inputMissing(String)
}
