import Foundation
import GRDB
import ReportProtocol

/// The facts of finished reports in normalised rows (issue 15): one `report_facts` row per done
/// report and one `indicator_facts` row per figure, so `track` and `series` select by region and
/// indicator through indexes instead of decoding every stored document (`compare` read 2,000
/// documents' JSON in 3.6–4.5 s). Written in the transaction that marks a report done
/// (`FactsRows.write`); the migration fills them for reports already done.
enum FactsTables {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_facts (
                report_id TEXT PRIMARY KEY,
                received_at TEXT NOT NULL,
                region_code TEXT,
                region_name TEXT,
                region_full TEXT,
                region_level TEXT,
                review_year INTEGER,
                plan_year INTEGER,
                -- The earlier report whose text this one nearly repeats (reports.near_duplicate).
                near_duplicate_of TEXT,
                metadata_fields INTEGER NOT NULL
            );
            -- A region's reports are found by code, name or full name (RegionRef.isSameRegion); with
            -- the year, whether a report done now settles anything is four index seeks
            -- (TargetResolution), not a walk over the thousands of copies a bench store holds.
            CREATE INDEX report_facts_code_plan ON report_facts(region_code, plan_year);
            CREATE INDEX report_facts_code_review ON report_facts(region_code, review_year);
            CREATE INDEX report_facts_name_plan ON report_facts(region_name, plan_year);
            CREATE INDEX report_facts_name_review ON report_facts(region_name, review_year);
            CREATE INDEX report_facts_full ON report_facts(region_full);
            CREATE INDEX report_facts_near ON report_facts(near_duplicate_of);
            -- `track --level national` without a region: the few national reports among 100,000.
            CREATE INDEX report_facts_level ON report_facts(region_level);
            CREATE TABLE indicator_facts (
                report_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                name TEXT NOT NULL,
                -- IndicatorKey.of(name): what pairing matches on and `track` selects by.
                key TEXT NOT NULL,
                kind TEXT NOT NULL,
                year INTEGER,
                value REAL,
                value_high REAL,
                value_qualifier TEXT,
                unit TEXT,
                growth_pct REAL,
                growth_pct_high REAL,
                qualifier TEXT,
                direction TEXT,
                estimated INTEGER NOT NULL,
                not_stated INTEGER NOT NULL,
                source TEXT,
                headline INTEGER NOT NULL,
                paragraph INTEGER,
                -- Unicode scalar offsets of the evidence in its paragraph (as SentenceSpan).
                char_start INTEGER,
                char_end INTEGER,
                evidence TEXT NOT NULL,
                PRIMARY KEY (report_id, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX indicator_facts_key ON indicator_facts(key, report_id);
            """)
    }

    /// Each report's count of figures and headline figures, so a query that reads one
    /// indicator's rows still knows which copy of a report is the most complete
    /// (`ReportFacts.completeness`): `track` over 10,000 reports read every figure of every report.
    static func addFigureCounts(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_facts ADD COLUMN figures INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE report_facts ADD COLUMN headline_figures INTEGER NOT NULL DEFAULT 0;
            UPDATE report_facts SET
                figures = (SELECT COUNT(*) FROM indicator_facts i WHERE i.report_id = report_facts.report_id),
                headline_figures = (SELECT COUNT(*) FROM indicator_facts i WHERE i.report_id = report_facts.report_id AND i.headline);
            """)
    }

    /// Each stored figure's section (v10), from its report's document: the figures are written in
    /// the document's order, so a figure's ordinal is its index there. A store of 100,000 reports
    /// decodes each document once, at start; a report without one keeps its rows, without sections.
    static func addSections(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE indicator_facts ADD COLUMN section TEXT")
        let update = try db.makeStatement(sql: "UPDATE indicator_facts SET section = ? WHERE report_id = ? AND ordinal = ?")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, document FROM reports WHERE document IS NOT NULL AND id IN (SELECT report_id FROM report_facts)
            """)
        while let row = try rows.next() {
            guard let document = try? WireJSON.decode(ParsedDocument.self, from: Array(row["document"] as Data)) else { continue }
            let id: String = row["id"]
            for (ordinal, indicator) in document.indicators.enumerated() where indicator.section != nil {
                try update.execute(arguments: [indicator.section, id, ordinal])
            }
        }
    }

    /// Each report's file name (v11), as `reports` holds it: `compare` names each row's file,
    /// and looking them up in `reports` was a tenth of a `compare` over 100,000 reports (perf).
    static func addFileNames(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_facts ADD COLUMN file TEXT NOT NULL DEFAULT '';
            UPDATE report_facts SET file = COALESCE((SELECT file FROM reports WHERE reports.id = report_facts.report_id), '');
            """)
    }

    /// Fills the tables for the done reports that have no facts yet (those done before the tables
    /// existed), from their stored parsed documents, one at a time (a store of 100,000 is not
    /// held in memory at once). A document that no longer decodes is skipped: its report keeps
    /// answering `get` as before.
    static func backfill(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, file, received_at, near_duplicate, document FROM reports
            WHERE state = 'done' AND document IS NOT NULL AND id NOT IN (SELECT report_id FROM report_facts)
            ORDER BY received_at, id
            """)
        while let row = try rows.next() {
            guard let document = try? WireJSON.decode(ParsedDocument.self, from: Array(row["document"] as Data)) else { continue }
            let nearDuplicate = (row["near_duplicate"] as Data?).flatMap { try? WireJSON.decode(NearDuplicate.self, from: Array($0)) }
            try FactsRows.write(db, reportId: row["id"], file: row["file"], receivedAt: row["received_at"], facts: DocumentFacts(document),
                                nearDuplicateOf: nearDuplicate?.reportId)
        }
    }
}
