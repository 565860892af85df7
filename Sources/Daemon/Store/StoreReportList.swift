import GRDB
import ReportProtocol

/// `reportctl list`: the newest stored reports, by state and arrival, with the count of all that match.
extension StateStore {
    struct ReportListFilter {
        var state: ReportState?
        /// RFC 3339 UTC, compared as text: every stored `received_at` has the one form `Date.rfc3339` writes.
        var receivedSince: String?
        /// Only these reports.
        var ids: [String]?
        var limit: Int
    }

    func reportList(_ filter: ReportListFilter) throws -> ReportListView {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state = filter.state {
            conditions.append("state = ?")
            _ = arguments.append(contentsOf: [state.rawValue])
        }
        if let since = filter.receivedSince {
            conditions.append("received_at >= ?")
            _ = arguments.append(contentsOf: [since])
        }
        if let ids = filter.ids {
            conditions.append("id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))")
            _ = arguments.append(contentsOf: StatementArguments(ids))
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports" + whereClause, arguments: arguments) ?? 0
            var pageArguments = arguments
            _ = pageArguments.append(contentsOf: [filter.limit])
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, file, state, received_at, finished_at, title, region, plan_year, error FROM reports
                \(whereClause) ORDER BY received_at DESC, rowid DESC LIMIT ?
                """, arguments: pageArguments)
            let reports = rows.map { row in
                ReportListItem(reportId: row["id"], file: row["file"], state: row["state"], receivedAt: row["received_at"],
                               finishedAt: row["finished_at"], title: row["title"], region: row["region"],
                               planYear: row["plan_year"], error: row["error"])
            }
            return ReportListView(reports: reports, total: total)
        }
    }
}
