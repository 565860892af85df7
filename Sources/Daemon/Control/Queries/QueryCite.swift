import Foundation
import GRDB
import ReportProtocol

/// `reportctl get ID --cite`: every figure of a report with its sentence and paragraph, from the
/// facts rows (no document is decoded).
extension QueryCommands {
    func cite(_ idOrPrefix: String) throws -> ControlReply {
        let record: ReportRecord
        switch try store.resolve(idOrPrefix) {
        case .refused(let refusal): return .response(refusal)
        case .found(let found): record = found
        }
        guard record.state == .done else {
            return .failing(.refused, "report \(record.id) is \(record.state.rawValue); its figures are cited once it is done")
        }
        let view = try store.database.read { db in
            let head = try Row.fetchOne(db, sql: "SELECT title, region FROM reports WHERE id = ?", arguments: [record.id])
            let figures = try Row.fetchAll(db, sql: """
                SELECT name, kind, year, value, unit, growth_pct, qualifier, paragraph, char_start, char_end, evidence
                FROM indicator_facts WHERE report_id = ? ORDER BY ordinal
                """, arguments: [record.id]).map { row in
                CitedFigure(name: row["name"], kind: Indicator.Kind(rawValue: row["kind"]) ?? .actual, year: row["year"],
                            value: row["value"], unit: row["unit"], growthPct: row["growth_pct"],
                            qualifier: (row["qualifier"] as String?).flatMap(Indicator.Qualifier.init(rawValue:)),
                            paragraph: row["paragraph"], start: row["char_start"], end: row["char_end"], sentence: row["evidence"])
            }
            return CiteView(reportId: record.id, file: record.file, title: head?["title"], region: head?["region"], figures: figures)
        }
        return try .encoding(view)
    }
}
