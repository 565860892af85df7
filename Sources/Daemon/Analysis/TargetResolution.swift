import Foundation
import GRDB
import ReportAnalysis
import ReportProtocol

/// What happens to the analysis when a report becomes done, inside the transaction that marks it
/// done: its facts rows are written, and each earlier target it settles (or each target it sets
/// whose review was already stored) becomes a `target.resolved` event, stored with the rest of
/// the feed history so it replays like them. One call from the done transition.
enum TargetResolution {
    /// `done` is the row the done transition returned (its `received_at` and `near_duplicate`);
    /// `facts` are the document's as the pipeline worked them out, nil when it no longer holds them
    /// (a report resumed after a restart), and then the stored document is read.
    static func reportBecameDone(_ db: Database, id: String, file: String, time: String, done: Row,
                                 facts: DocumentFacts?) throws -> [PublishedEvent] {
        guard let facts = try facts ?? storedFacts(db, id: id) else { return [] }
        let nearDuplicate = try (done["near_duplicate"] as Data?).map { try WireJSON.decode(NearDuplicate.self, from: Array($0)) }
        let arrived = try FactsRows.write(db, reportId: id, file: file, receivedAt: done["received_at"], facts: facts,
                                          nearDuplicateOf: nearDuplicate?.reportId)
        guard try hasCounterpart(arrived, in: db) else { return [] }
        let years = [arrived.reviewYear, arrived.planYear].compactMap { $0 }
        let related = try StoredFacts.reports(sharing: arrived.region, years: years, in: db)
        return try ResolvedTargets.settled(by: id, among: related).map { outcome in
            try StateStore.appendEvent(db, .targetResolved, id: id, file: file, time: time, data: TargetRow(outcome))
        }
    }

    private static func storedFacts(_ db: Database, id: String) throws -> DocumentFacts? {
        guard let bytes = try Data.fetchOne(db.cachedStatement(sql: "SELECT document FROM reports WHERE id = ?"), arguments: [id]),
              // Checked when it was stored (ResultCheck); one that no longer decodes (an older parser's,
              // left by a store upgraded mid-report) still finishes, without facts.
              let document = try? WireJSON.decode(ParsedDocument.self, from: Array(bytes)) else { return nil }
        return DocumentFacts(document)
    }

    /// Whether a stored report of the region plans the year this one reviews or reviews the year it
    /// plans: without one there is no pair to settle. Index seeks only: most reports settle nothing,
    /// and a store of copies (the benchmarks' thousands of one district's report) must not be walked
    /// at each done.
    static func hasCounterpart(_ report: ReportFacts, in db: Database) throws -> Bool {
        guard report.region.name != nil || report.region.code != nil,
              report.reviewYear != nil || report.planYear != nil else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM report_facts WHERE region_name = ?1 AND plan_year = ?3 AND report_id != ?5)
                OR EXISTS (SELECT 1 FROM report_facts WHERE region_name = ?1 AND review_year = ?4 AND report_id != ?5)
                OR EXISTS (SELECT 1 FROM report_facts WHERE region_code = ?2 AND plan_year = ?3 AND report_id != ?5)
                OR EXISTS (SELECT 1 FROM report_facts WHERE region_code = ?2 AND review_year = ?4 AND report_id != ?5)
            """), arguments: [report.region.name, report.region.code, report.reviewYear, report.planYear, report.reportId]) ?? false
    }
}
