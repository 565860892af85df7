import Foundation
import GRDB
import ReportAnalysis
import ReportProtocol

/// `reportctl compare INDICATOR`: one indicator across the done reports, from the facts tables:
/// what each region achieved in the year it reviews, and what it aims for next. Copies of one
/// report count once, as in `track`. Reading every stored document's JSON took 3.6–4.5 s on
/// 2,000 reports; the facts are found through the indicator's key and the regions' index.
extension QueryCommands {
    /// Rows a `compare` gives when the request sets no `limit`: past it, a table is no longer read.
    static let compareRowLimit = 1_000
    /// The most rows a `compare` gives, as `list`'s most reports.
    static let compareRowMaximum = 10_000

    func compare(_ request: ControlRequest) throws -> ControlReply {
        let name = (request.indicator ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failing(.invalid, "compare needs an indicator name, e.g. 地区生产总值") }
        let limit = request.limit ?? Self.compareRowLimit
        guard (1...Self.compareRowMaximum).contains(limit) else {
            return .failing(.invalid, "limit is \(limit); give 1 to \(Self.compareRowMaximum)")
        }
        let view = try store.database.read { db -> CompareView in
            guard let key = try comparedKey(name, in: db) else {
                return CompareView(indicator: name, rows: [], reportsWithout: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_facts"))
            }
            return try compare(key: key, limit: limit, in: db)
        }
        return try .encoding(view)
    }

    private func compare(key: String, limit: Int, in db: Database) throws -> CompareView {
        let page = try comparedReports(key: key, regionYears: limit, in: db)
        try deadline.check()
        let (reports, groups) = try StoredFacts.grouping(db, page.reports)
        let byId = Dictionary(reports.map { ($0.reportId, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [CompareRow] = []
        var seen: Set<String> = []
        for report in page.reports {
            guard let group = groups.group(of: report.reportId), seen.insert(group.canonical).inserted else { continue }
            // The canonical member's figures; when it states none for its years (a linked copy
            // cut short), the earliest member that does.
            var row = byId[group.canonical].flatMap { Self.row(of: $0, key: key) }
            if row == nil {
                row = page.reports.lazy.filter { group.others.contains($0.reportId) }.compactMap { Self.row(of: $0, key: key) }.first
            }
            guard var row else { continue }
            row.copies = ([group.canonical] + group.others).filter { $0 != row.reportId }
            rows.append(row)
        }
        for index in rows.indices { rows[index].file = page.files[rows[index].reportId] ?? "" }
        rows.sort { ($0.region ?? "\u{10FFFF}", $0.year ?? 0, $0.file) < ($1.region ?? "\u{10FFFF}", $1.year ?? 0, $1.file) }
        // Within the limit every report stating the indicator was read: the others, counted as
        // reports, are the done reports no row stands for. Past it they are not counted, which
        // would read every report.
        let done = page.more ? nil : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_facts")
        let represented = rows.reduce(0) { $0 + 1 + $1.copies.count }
        return CompareView(indicator: key, rows: rows, reportsWithout: done.map { $0 - represented }, more: page.more)
    }

    /// The done reports that state `key`, with their figures of it, by region and plan year in the
    /// order of their index, until `regionYears` regions and years are read whole: a limit counted
    /// in reports would cut a report from its copies, and in a store of 2,000 copies each could
    /// fill itself with one. `more` when a report of a further region or year states it.
    /// One statement walks the reports and joins their figures: looking for the key per report
    /// and reading the figures afterwards sought each report's figures twice, and those pages lie
    /// past the store's memory map (a 3.2 GB store of 100,000 reports: preads were a sixth of a `compare`).
    private func comparedReports(key: String, regionYears: Int,
                                 in db: Database) throws -> (reports: [ReportFacts], files: [String: String], more: Bool) {
        // CROSS JOIN keeps the reports outside, in their index's order; left to itself SQLite
        // walked every figure of the key and sorted them (0.9 s on 100,000 reports).
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(Self.qualifiedReportColumns), \(FactsRows.indicatorColumns), r.file
            FROM report_facts r CROSS JOIN indicator_facts i ON i.key = ? AND i.report_id = r.report_id
            ORDER BY r.region_name, r.plan_year, r.received_at, r.report_id, i.ordinal
            """, arguments: [key])
        var reports: [ReportFacts] = []
        var files: [String: String] = [:]
        var last: (name: String?, year: Int?)?
        var read = 0
        while let row = try rows.next() {
            if let current = reports.last, current.reportId == row[0] {
                reports[reports.count - 1].indicators.append(FactsRows.indicator(row, from: FactsRows.reportColumnCount))
                continue
            }
            var report = FactsRows.report(row, partial: true)
            let regionYear = (name: report.region.name, year: report.planYear)
            if last.map({ $0 != regionYear }) ?? true {
                if read == regionYears { return (reports, files, true) }
                read += 1
                last = regionYear
            }
            report.indicators = [FactsRows.indicator(row, from: FactsRows.reportColumnCount)]
            files[report.reportId] = row[FactsRows.reportColumnCount + FactsRows.indicatorColumnCount]
            reports.append(report)
        }
        return (reports, files, false)
    }

    /// `FactsRows.reportColumnList` of `report_facts r`: both tables have a `report_id`.
    private static let qualifiedReportColumns = FactsRows.reportColumnList.split(separator: ",")
        .map { "r." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    /// The report's row: its first actual for the year it reviews and its first target for the
    /// year it plans; nil when it states neither.
    private static func row(of report: ReportFacts, key: String) -> CompareRow? {
        let figures = report.indicators.filter { $0.key == key }
        let actual = figures.first { $0.kind == .actual && ($0.year == nil || $0.year == report.reviewYear) }
        let target = figures.first { $0.kind == .target && ($0.year == nil || $0.year == report.planYear) }
        guard actual != nil || target != nil else { return nil }
        return CompareRow(reportId: report.reportId, file: "", region: report.region.name ?? report.region.fullName,
                          year: report.reviewYear ?? report.planYear.map { $0 - 1 },
                          actual: actual.map(Indicator.init), target: target.map(Indicator.init))
    }

    /// The key the name asks for: its own (GDP's other names ask for 地区生产总值), else the first
    /// stored key containing it (收入 finds 一般公共预算收入), so one answer never mixes two
    /// indicators; nil when no done report states either.
    func comparedKey(_ name: String, in db: Database) throws -> String? {
        let own = IndicatorKey.of(name)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM indicator_facts WHERE key = ? LIMIT 1", arguments: [own]) == true { return own }
        // The distinct keys by seeking the index from one to the next: a few thousand seeks,
        // where DISTINCT would walk every figure of every report.
        let following = try db.cachedStatement(sql: "SELECT key FROM indicator_facts WHERE key > ? ORDER BY key LIMIT 1")
        var key = ""
        while let next = try String.fetchOne(following, arguments: [key]) {
            if next.range(of: name, options: .caseInsensitive) != nil { return next }
            key = next
            try deadline.check()  // between statements, where the time limit's interrupt cannot reach
        }
        return nil
    }
}
