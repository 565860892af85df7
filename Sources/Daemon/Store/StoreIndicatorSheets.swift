import Foundation
import GRDB
import ReportProtocol

/// A stored report's region, years and indicators, read without decoding its paragraphs.
struct IndicatorSheet {
    var id: String
    var file: String
    var region: String?
    var reviewYear: Int?
    var planYear: Int?
    var indicators: [Indicator]
}

extension StateStore {
    /// Every report with a parsed document, oldest first. json_extract keeps the paragraphs,
    /// most of a document's bytes, inside SQLite.
    func indicatorSheets() throws -> [IndicatorSheet] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, file, json_extract(doc, '$.region') AS region,
                       json_extract(doc, '$.review_year') AS review_year,
                       json_extract(doc, '$.plan_year') AS plan_year,
                       json_extract(doc, '$.indicators') AS indicators
                FROM (SELECT id, file, received_at, CAST(document AS TEXT) AS doc FROM reports WHERE document IS NOT NULL)
                ORDER BY received_at, id
                """).map { row in
                let json: String = row["indicators"] ?? "[]"
                return IndicatorSheet(id: row["id"], file: row["file"], region: row["region"],
                                      reviewYear: row["review_year"], planYear: row["plan_year"],
                                      indicators: try WireJSON.decode([Indicator].self, from: Array(json.utf8)))
            }
        }
    }
}
