import Foundation
import GRDB

extension StateStore {
    /// Reports that reached `done` (every one has a parsed document), oldest first.
    func finishedReportsWithDocument() throws -> [(id: String, file: String)] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, file FROM reports WHERE state = 'done' AND document IS NOT NULL ORDER BY received_at, id
                """).map { (id: $0["id"], file: $0["file"]) }
        }
    }
}
