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

    func compare(_ request: ControlRequest) throws -> ControlReply {
        let name = (request.indicator ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failing(.invalid, "compare needs an indicator name, e.g. 地区生产总值") }
        let limit = request.limit ?? Self.compareRowLimit
        guard limit > 0 else { return .failing(.invalid, "limit is \(limit); give 1 or more") }
        let view = try store.database.read { db -> CompareView in
            guard let key = try Self.comparedKey(name, in: db) else {
                return CompareView(indicator: name, rows: [], reportsWithout: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_facts"))
            }
            return try compare(key: key, limit: limit, in: db)
        }
        return try .encoding(view)
    }

    private func compare(key: String, limit: Int, in db: Database) throws -> CompareView {
        // Region by region in the order of the (region_name, plan_year) index, stopping at the
        // limit; then the rest of the last region and year, so its copies are not cut apart.
        let states = "EXISTS (SELECT 1 FROM indicator_facts i WHERE i.key = ? AND i.report_id = report_facts.report_id)"
        let order = "ORDER BY region_name, plan_year, received_at, report_id"
        var page = try FactsRows.reports(db, where: "\(states) \(order) LIMIT ?", arguments: [key, limit + 1], partial: true)
        let more = page.count > limit
        if more {
            page.removeLast()
            let last = page[page.count - 1]
            let known = Set(page.map(\.reportId))
            page += try FactsRows.reports(db, where: "region_name IS ? AND plan_year IS ? AND \(states)",
                                          arguments: [last.region.name, last.planYear, key], partial: true)
                .filter { !known.contains($0.reportId) }
        }
        try deadline.check()
        let (reports, groups) = try StoredFacts.grouped(db, reports: page, keys: [key])
        let byId = Dictionary(reports.map { ($0.reportId, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [CompareRow] = []
        var without = 0
        var seen: Set<String> = []
        for report in page {
            guard let group = groups.group(of: report.reportId), seen.insert(group.canonical).inserted,
                  let canonical = byId[group.canonical] else { continue }
            let figures = canonical.indicators.filter { $0.key == key }
            let actual = figures.first { $0.kind == .actual && ($0.year == nil || $0.year == canonical.reviewYear) }
            let target = figures.first { $0.kind == .target && ($0.year == nil || $0.year == canonical.planYear) }
            guard actual != nil || target != nil else {
                without += 1
                continue
            }
            rows.append(CompareRow(reportId: canonical.reportId, file: "", region: canonical.region.name ?? canonical.region.fullName,
                                   year: canonical.reviewYear ?? canonical.planYear.map { $0 - 1 },
                                   actual: actual.map(Indicator.init), target: target.map(Indicator.init), copies: group.others))
        }
        let files = try Self.files(of: rows.map(\.reportId), in: db)
        for index in rows.indices { rows[index].file = files[rows[index].reportId] ?? "" }
        rows.sort { ($0.region ?? "\u{10FFFF}", $0.year ?? 0, $0.file) < ($1.region ?? "\u{10FFFF}", $1.year ?? 0, $1.file) }
        // Within the limit every report stating the indicator was read, so the others are the
        // done reports less those; past it they are not counted, which would read every report.
        let done = more ? nil : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_facts")
        return CompareView(indicator: key, rows: rows, reportsWithout: done.map { $0 - page.count + without }, more: more)
    }

    /// The key the name asks for: its own (GDP's other names ask for 地区生产总值), else the first
    /// stored key containing it (收入 finds 一般公共预算收入), so one answer never mixes two
    /// indicators; nil when no done report states either.
    static func comparedKey(_ name: String, in db: Database) throws -> String? {
        let own = IndicatorKey.of(name)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM indicator_facts WHERE key = ? LIMIT 1", arguments: [own]) == true { return own }
        // The distinct keys by seeking the index from one to the next: a few thousand seeks,
        // where DISTINCT would walk every figure of every report.
        var key = ""
        while let next = try String.fetchOne(db, sql: "SELECT key FROM indicator_facts WHERE key > ? ORDER BY key LIMIT 1",
                                             arguments: [key]) {
            if next.range(of: name, options: .caseInsensitive) != nil { return next }
            key = next
        }
        return nil
    }

    private static func files(of ids: [String], in db: Database) throws -> [String: String] {
        var files: [String: String] = [:]
        for part in FactsRows.slices(of: ids) {
            for row in try Row.fetchAll(db, sql: "SELECT id, file FROM reports WHERE id IN (\(databaseQuestionMarks(count: part.count)))",
                                        arguments: StatementArguments(part)) {
                files[row[0]] = row[1]
            }
        }
        return files
    }
}
