import GRDB
import ReportAnalysis
import ReportProtocol

/// Which stored reports a cross-report answer reads: those of the regions it is about, found
/// through `report_facts`' region indexes, with the near-duplicates linked to them (a copy whose
/// header the parser could not read has no region of its own, yet belongs to the group).
enum StoredFacts {
    /// The reports that may share `region` (its code, name or full name), with their copies;
    /// `RegionRef.isSameRegion` in the analysis decides among them.
    static func reports(sharing region: RegionRef, in db: Database) throws -> [ReportFacts] {
        try withCopies(db, FactsRows.load(db, where: "region_code = ? OR region_name = ? OR region_full = ?",
                                          arguments: [region.code, region.name, region.fullName]))
    }

    /// The reports that may share `region` and plan or review one of `years`, with their copies:
    /// all a report of those years can settle (`TargetResolution`).
    static func reports(sharing region: RegionRef, years: [Int], in db: Database) throws -> [ReportFacts] {
        let list = databaseQuestionMarks(count: years.count)
        var arguments: StatementArguments = [region.code, region.name, region.fullName]
        arguments += StatementArguments(years + years)
        return try withCopies(db, FactsRows.load(db, where: """
            (region_code = ? OR region_name = ? OR region_full = ?) AND (plan_year IN (\(list)) OR review_year IN (\(list)))
            """, arguments: arguments))
    }

    /// The reports a region named by a user (a code, a name or a full name) may be: the distinct
    /// regions stored under it.
    static func regions(named text: String, in db: Database) throws -> [RegionRef] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT DISTINCT region_code, region_name, region_full, region_level FROM report_facts
            WHERE region_code = ?1 OR region_name = ?1 OR region_full = ?1
            """, arguments: [text])
        var regions: [RegionRef] = []
        for row in rows {
            let region = RegionRef(code: row["region_code"], name: row["region_name"], fullName: row["region_full"], level: row["region_level"])
            if !regions.contains(where: { $0.isSameRegion(as: region) }) { regions.append(region) }
        }
        return regions
    }

    /// Adds the reports linked to these by `near_duplicate_of`, either way, with their figures
    /// (of `keys`, or all, as `FactsRows.load`).
    static func withCopies(_ db: Database, _ reports: [ReportFacts], keys: Set<String>? = nil) throws -> [ReportFacts] {
        var copies = try linkedCopies(db, of: reports, partial: keys != nil)
        try FactsRows.attachIndicators(db, to: &copies, keys: keys)
        return reports + copies
    }

    /// The reports `condition` selects (nil: every report) and their copies, grouped (`DuplicateGroups`), with the
    /// figures of `keys` read for each group's canonical member only: pairing reads no other
    /// member's, and reading every copy's was 60% of a `track` over the web bench's store of
    /// 10,000 reports of five documents (perf, 384 ms at p50). The others keep their stored
    /// figure counts, so the groups are what they would be with every figure read.
    static func grouped(_ db: Database, where condition: String?, arguments: StatementArguments,
                        keys: Set<String>) throws -> (reports: [ReportFacts], groups: DuplicateGroups) {
        let selected = try FactsRows.reports(db, where: condition ?? "1", arguments: arguments, partial: true)
        // With every report read, no copy can be missing: looking for them was 20 statements of
        // 500 ids over 10,000 reports, 13% of such a `track` (perf).
        var (reports, groups) = try grouping(db, selected, withCopies: condition != nil)
        let canonical = reports.indices.filter { groups.isCanonical(reports[$0].reportId) }
        var read = canonical.map { reports[$0] }
        try FactsRows.attachIndicators(db, to: &read, keys: keys)
        for (index, report) in zip(canonical, read) { reports[index] = report }
        return (reports, groups)
    }

    /// These reports (partial) and, `withCopies`, those linked to them, grouped; the copies
    /// added have no figures, these keep theirs.
    static func grouping(_ db: Database, _ selected: [ReportFacts],
                         withCopies: Bool = true) throws -> (reports: [ReportFacts], groups: DuplicateGroups) {
        let reports = withCopies ? selected + (try linkedCopies(db, of: selected, partial: true)) : selected
        return (reports, DuplicateGroups(reports))
    }

    /// The reports linked to these by `near_duplicate_of`, either way, until none is missing,
    /// without their figures. The linked ids are read first and only the reports not yet known
    /// are loaded: loading the links of 10,000 copies loaded all 10,000 again (a `track` over
    /// the web bench's store).
    private static func linkedCopies(_ db: Database, of reports: [ReportFacts], partial: Bool) throws -> [ReportFacts] {
        var copies: [ReportFacts] = []
        var known = Set(reports.map(\.reportId))
        var frontier = reports
        while !frontier.isEmpty {
            let ids = frontier.map(\.reportId)
            var missing = Set(frontier.compactMap(\.nearDuplicateOf).filter { !known.contains($0) })
            for part in FactsRows.slices(of: ids) {
                for id in try String.fetchAll(db, sql: """
                    SELECT report_id FROM report_facts WHERE near_duplicate_of IN (\(databaseQuestionMarks(count: part.count)))
                    """, arguments: StatementArguments(part)) where !known.contains(id) {
                    missing.insert(id)
                }
            }
            frontier = []
            for part in FactsRows.slices(of: Array(missing)) {
                frontier += try FactsRows.reports(db, where: "report_id IN (\(databaseQuestionMarks(count: part.count)))",
                                                  arguments: StatementArguments(part), partial: partial)
            }
            known.formUnion(frontier.map(\.reportId))
            copies += frontier
        }
        return copies
    }
}
