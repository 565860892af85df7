import Foundation
import GRDB
import ReportProtocol

extension StateStore {
    /// Commits every write of a loop wake-up in one transaction, one outcome per write in order.
    ///
    /// A transaction has a fixed cost (BEGIN, COMMIT, the WAL frames of the pages it touched)
    /// whatever it holds; a report took four of them, one per stage and its acceptance, and in a
    /// burst many reports' answers arrive in one wake-up (docs/ARCHITECTURE.md, "Group commit"). Each write runs in a savepoint of its own,
    /// so a write the store refuses (a trigger, a too-large value) is undone alone and reported
    /// back, and the others still commit. `nearDuplicate` picks the closest earlier report for a
    /// parsed document; `parsedStored` hears of each stored fingerprint, inside the transaction,
    /// so a later parse of the same group already compares against it. `facts` gives a report's
    /// document facts when it becomes done, nil when they are no longer held (they are read back).
    func commit(_ writes: [StoreWrite], time: String,
                nearDuplicate: (String, TextFingerprint) throws -> NearDuplicate?,
                parsedStored: (String, String, TextFingerprint) throws -> Void,
                facts: (String) -> DocumentFacts?) throws -> [StoreOutcome] {
        guard !writes.isEmpty else { return [] }
        return try database.write { db in
            var outcomes: [StoreOutcome] = []
            outcomes.reserveCapacity(writes.count)
            for write in writes {
                var events: [PublishedEvent] = []
                do {
                    try db.inSavepoint {
                        events = try Self.apply(write, in: db, time: time, nearDuplicate: nearDuplicate, facts: facts)
                        return .commit
                    }
                    if case .parsed(let id, let file, _, _, let fingerprint, _) = write, !events.isEmpty {
                        try parsedStored(id, file, fingerprint)
                    }
                    outcomes.append(.stored(events))
                } catch {
                    outcomes.append(.refused(error))
                }
            }
            return outcomes
        }
    }

    private static func apply(_ write: StoreWrite, in db: Database, time: String,
                              nearDuplicate: (String, TextFingerprint) throws -> NearDuplicate?,
                              facts: (String) -> DocumentFacts?) throws -> [PublishedEvent] {
        switch write {
        case .parsed(let id, let file, let document, let headline, let fingerprint, _):
            return try recordParsed(db, id: id, file: file, document: document, headline: headline, fingerprint: fingerprint,
                                    nearDuplicate: try nearDuplicate(id, fingerprint), time: time)
        case .stage(let stage, let id, let file, let result, let output):
            return try recordStage(db, stage, id: id, file: file, result: result, output: output, time: time, facts: facts)
        case .attempts(let id, let count):
            try recordAttempts(db, id: id, count: count)
            return []
        case .failure(let id, let file, let stage, let reason, let attempts):
            return try recordFailure(db, id: id, file: file, stage: stage, reason: reason, attempts: attempts, time: time).map { [$0] } ?? []
        case .reindexed(let id, let file, let result):
            return try recordReindexed(db, id: id, file: file, result: result, time: time).map { [$0] } ?? []
        }
    }
}
