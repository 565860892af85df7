import Foundation
import GRDB
import ReportAnalysis
import ReportProtocol

/// `reportctl compare INDICATOR`: one indicator across every stored report, from the parsed
/// documents' indicators: what each region achieved in the year it reviews, and what it aims for
/// next. Copies of one report count once, as in `track`.
extension QueryCommands {
    func compare(_ indicator: String) throws -> ControlReply {
        let name = indicator.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failing(.invalid, "compare needs an indicator name, e.g. 地区生产总值") }
        var rows: [CompareRow] = []
        var without = 0
        for report in try store.indicatorSheets() {
            try deadline.check()
            let matching = IndicatorMatch.pick(name, from: report.indicators)
            let actual = matching.first { $0.kind == .actual && ($0.year == nil || $0.year == report.reviewYear) }
            let target = matching.first { $0.kind == .target && ($0.year == nil || $0.year == report.planYear) }
            guard actual != nil || target != nil else {
                without += 1
                continue
            }
            rows.append(CompareRow(reportId: report.id, file: report.file, region: report.region,
                                   year: report.reviewYear ?? report.planYear.map { $0 - 1 }, actual: actual, target: target))
        }
        try deadline.check()
        rows = try countingCopiesOnce(rows)
        rows.sort { ($0.region ?? "\u{10FFFF}", $0.year ?? 0, $0.file) < ($1.region ?? "\u{10FFFF}", $1.year ?? 0, $1.file) }
        return try .encoding(CompareView(indicator: name, rows: rows, reportsWithout: without))
    }

    /// One row per group of copies (`DuplicateGroups`, over the facts of the reports with a row):
    /// the canonical member's, naming the others. A report not done yet has no facts and keeps its row.
    private func countingCopiesOnce(_ rows: [CompareRow]) throws -> [CompareRow] {
        let facts = try store.database.read { db in
            try FactsRows.slices(of: rows.map(\.reportId)).flatMap { part in
                try FactsRows.reports(db, where: "report_id IN (\(databaseQuestionMarks(count: part.count)))",
                                      arguments: StatementArguments(part), partial: true)
            }
        }
        let groups = DuplicateGroups(facts)
        return rows.compactMap { row in
            guard let group = groups.group(of: row.reportId) else { return row }
            guard group.canonical == row.reportId else { return nil }
            var kept = row
            kept.copies = group.others
            return kept
        }
    }
}

/// Which of a report's indicators answer the name asked for.
enum IndicatorMatch {
    /// Those named exactly so; when there are none, those whose name contains it (收入 finds
    /// 一般公共预算收入), of the first such name only, so one row never mixes two indicators.
    /// GDP's other names (国内生产总值, 全市生产总值, GDP…) ask for 地区生产总值, as the parser names it.
    static func pick(_ asked: String, from indicators: [Indicator]) -> [Indicator] {
        let name = IndicatorNames.canonical(asked)
        let exact = indicators.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        if !exact.isEmpty { return exact }
        guard let first = indicators.first(where: { $0.name.range(of: name, options: .caseInsensitive) != nil }) else { return [] }
        return indicators.filter { $0.name == first.name }
    }
}
