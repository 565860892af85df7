import Foundation
import GRDB
import ReportAnalysis
import ReportProtocol

/// Writing and reading one report's rows of `report_facts` and `indicator_facts`.
enum FactsRows {
    /// Replaces the report's facts with those of its document.
    /// Returns the facts it wrote, so the caller need not read the document again.
    @discardableResult
    static func write(_ db: Database, reportId: String, file: String, receivedAt: String, facts document: DocumentFacts,
                      nearDuplicateOf: String?) throws -> ReportFacts {
        let facts = document.of(reportId: reportId, receivedAt: receivedAt, nearDuplicateOf: nearDuplicateOf)
        try db.cachedStatement(sql: "DELETE FROM indicator_facts WHERE report_id = ?").execute(arguments: [reportId])
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO report_facts(report_id, received_at, region_code, region_name, region_full, region_level,
                review_year, plan_year, near_duplicate_of, metadata_fields, figures, headline_figures, file)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [reportId, receivedAt, facts.region.code, facts.region.name, facts.region.fullName,
                                     facts.region.level, facts.reviewYear, facts.planYear, nearDuplicateOf,
                                     facts.metadataFieldCount, facts.figureCount.total, facts.figureCount.headline, file])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO indicator_facts(report_id, ordinal, name, key, kind, year, value, value_high, value_qualifier, unit,
                growth_pct, growth_pct_high, qualifier, direction, estimated, not_stated, source, headline, paragraph,
                char_start, char_end, evidence, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (ordinal, (f, span)) in zip(facts.indicators, document.spans).enumerated() {
            try insert.execute(arguments: [
                reportId, ordinal, f.name, f.key, f.kind.rawValue, f.year, f.value, f.valueHigh, f.valueQualifier?.rawValue,
                f.unit, f.growthPct, f.growthPctHigh, f.qualifier?.rawValue, f.direction?.rawValue, f.estimated, f.notStated,
                f.source, f.headline, f.paragraph, span?.start, span?.end, f.evidence, f.section,
            ])
        }
        return facts
    }

    // MARK: Reading

    /// The columns `report(_:partial:)` reads, in its order.
    static let reportColumnList = """
        report_id, received_at, region_code, region_name, region_full, region_level, review_year, plan_year,
        near_duplicate_of, metadata_fields, figures, headline_figures
        """
    static let reportColumns = "SELECT \(reportColumnList) FROM report_facts"
    /// How many columns `reportColumnList` names: a caller's columns after them start at this index.
    static let reportColumnCount = reportColumnList.split(separator: ",").count

    /// The facts of the reports whose rows `condition` (a WHERE over `report_facts`) selects, with
    /// their figures: every one, or with `keys` only those paired under these keys (their counts
    /// still say how complete each report is).
    static func load(_ db: Database, where condition: String, arguments: StatementArguments,
                     keys: Set<String>? = nil) throws -> [ReportFacts] {
        var reports = try reports(db, where: condition, arguments: arguments, partial: keys != nil)
        try attachIndicators(db, to: &reports, keys: keys)
        return reports
    }

    /// The rows `condition` selects without their figures, for `attachIndicators` to add to; with
    /// `partial`, their stored figure counts are kept (`ReportFacts.allFigures`).
    static func reports(_ db: Database, where condition: String, arguments: StatementArguments,
                        partial: Bool) throws -> [ReportFacts] {
        // Through a cursor: `fetchAll` copies every row before it is read, a sixth of a `track`
        // over 10,000 reports (perf).
        let rows = try Row.fetchCursor(db, sql: "\(reportColumns) WHERE \(condition)", arguments: arguments)
        var reports: [ReportFacts] = []
        while let row = try rows.next() { reports.append(report(row, partial: partial)) }
        return reports
    }

    /// A row of `reportColumns`, read by position: by name, GRDB searches the columns for each
    /// value, a quarter of a `track` over 10,000 reports (perf).
    static func report(_ row: Row, partial: Bool) -> ReportFacts {
        ReportFacts(reportId: row[0], receivedAt: Date(rfc3339: row[1]) ?? .distantPast,
                    region: RegionRef(code: row[2], name: row[3], fullName: row[4], level: row[5]),
                    reviewYear: row[6], planYear: row[7], nearDuplicateOf: row[8],
                    metadataFieldCount: row[9], indicators: [],
                    allFigures: partial ? ReportFacts.FigureCount(headline: row[11], total: row[10]) : nil)
    }

    /// Each report's figures (of `keys`, or all), in document order. In slices of reports, one
    /// statement each: a statement per report was 100,000 statements for a `track` of the store.
    static func attachIndicators(_ db: Database, to reports: inout [ReportFacts], keys: Set<String>? = nil) throws {
        let keyList = keys.map { Array($0).sorted() } ?? []
        let keyCondition = keys == nil ? "" : " AND key IN (\(databaseQuestionMarks(count: keyList.count)))"
        var position: [String: Int] = [:]
        for (index, report) in reports.enumerated() { position[report.reportId] = index }
        for ids in slices(of: reports.map(\.reportId)) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(indicatorColumns), report_id FROM indicator_facts WHERE report_id IN (\(databaseQuestionMarks(count: ids.count)))\(keyCondition)
                ORDER BY report_id, ordinal
                """, arguments: StatementArguments(ids + keyList))
            while let row = try rows.next() {
                guard let index = position[row[indicatorColumnCount]] else { continue }
                reports[index].indicators.append(indicator(row))
            }
        }
    }

    /// Reports per statement: SQLite takes at most 32,766 parameters.
    static let slice = 500

    /// Ids in slices of `slice`, one statement each.
    static func slices(of ids: [String]) -> [[String]] {
        stride(from: 0, to: ids.count, by: slice).map { Array(ids[$0..<min($0 + slice, ids.count)]) }
    }

    /// The columns `indicator(_:)` reads, in its order (then any the caller adds).
    static let indicatorColumns = """
        name, kind, year, value, value_high, value_qualifier, unit, growth_pct, growth_pct_high, qualifier,
        direction, estimated, not_stated, source, headline, paragraph, evidence, section
        """

    /// How many columns `indicatorColumns` names: the first a caller adds after them is at this index.
    static let indicatorColumnCount = indicatorColumns.split(separator: ",").count

    /// A row holding `indicatorColumns` from column `first` on, read by position (as `report(_:partial:)`).
    static func indicator(_ row: Row, from first: Int = 0) -> IndicatorFact {
        let c = first
        return IndicatorFact(name: row[c], kind: Indicator.Kind(rawValue: row[c + 1]) ?? .actual, year: row[c + 2],
                             value: row[c + 3], valueHigh: row[c + 4],
                             valueQualifier: (row[c + 5] as String?).flatMap(Indicator.Qualifier.init(rawValue:)),
                             unit: row[c + 6], growthPct: row[c + 7], growthPctHigh: row[c + 8],
                             qualifier: (row[c + 9] as String?).flatMap(Indicator.Qualifier.init(rawValue:)),
                             estimated: row[c + 11], notStated: row[c + 12],
                             direction: (row[c + 10] as String?).flatMap(Indicator.Direction.init(rawValue:)),
                             source: row[c + 13], headline: row[c + 14], paragraph: row[c + 15], evidence: row[c + 16],
                             section: row[c + 17])
    }
}
