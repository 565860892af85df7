import GRDB

/// What opening the index found, so the worker can log it and, after a rebuild, re-index.
public enum IndexSchemaState: Equatable, Sendable {
    /// The file was new or empty; the tables were created.
    case created
    /// The tables were already at `IndexSchema.version`.
    case current
    /// The tables were written by another schema version (older, or unknown to this build);
    /// they were dropped and recreated empty, so every report must be indexed again.
    case rebuilt(fromVersion: Int)
    /// The tables of an earlier version were brought to this one in place, keeping every report;
    /// what the new version adds (a report's region level) is filled when a report is indexed again.
    case upgraded(fromVersion: Int)
}

/// The tables of the index and their version, kept in `PRAGMA user_version`.
///
/// Bump `version` whenever the tables or the tokenizer change: an index written with another
/// tokenizer would silently miss matches, so it is rebuilt instead.
public enum IndexSchema {
    public static let version = 4

    /// Every table any version created, dropped on a rebuild (version 2 had paragraph-level ones).
    private static let tables = ["paragraph_fts", "paragraphs", "report_fts", "report_text", "reports", "index_totals"]

    /// Brings the database to the current schema. Runs in one IMMEDIATE transaction so that
    /// several indexer processes opening the same file at once do not race.
    static func prepare(_ db: Database) throws -> IndexSchemaState {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found == version { return .current }
        if found == 3 {
            // Version 4 only adds: the level column and the totals, filled from the rows there are.
            try db.execute(sql: "ALTER TABLE reports ADD COLUMN level TEXT")
            try createTotals(db)
            try db.execute(sql: "PRAGMA user_version = \(version)")
            return .upgraded(fromVersion: found)
        }
        let hadTables = try tables.contains { try db.tableExists($0) }
        for table in tables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
        try create(db)
        return hadTables || found != 0 ? .rebuilt(fromVersion: found) : .created
    }

    /// `reports` holds what a hit shows and the filters read; `report_text` the paragraphs
    /// (`StoredReport`, UTF-8 as a BLOB: a search reads candidates' text as bytes, without the
    /// validation a String costs), apart so that filtering by region or year does not page through text;
    /// `report_fts` one contentless row per report, same rowid, for matching and BM25.
    private static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reports (
                id         INTEGER PRIMARY KEY,
                report_id  TEXT NOT NULL UNIQUE,
                file       TEXT NOT NULL,
                title      TEXT,
                region     TEXT,
                year       INTEGER,
                paragraphs INTEGER NOT NULL,
                characters INTEGER NOT NULL,
                level      TEXT
            );
            CREATE TABLE report_text (
                id     INTEGER PRIMARY KEY REFERENCES reports(id),
                titles TEXT NOT NULL,
                places BLOB NOT NULL,
                body   BLOB NOT NULL
            );
            CREATE VIRTUAL TABLE report_fts USING fts5(
                body, content = '', tokenize = '\(BigramTokenizer.name)'
            );
            """)
        try createTotals(db)
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    /// `index_totals`: one row, the number of reports, their characters and how many were ever
    /// removed, kept by triggers in the transaction that changes `reports`. A searcher reads it
    /// after another process's commit instead of every report's length: while reports are only
    /// added (`removals` unchanged), the lengths it holds stay right and only the new rows are
    /// read (`ReportLengths.refresh`).
    private static func createTotals(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE index_totals (
                id         INTEGER PRIMARY KEY CHECK (id = 1),
                reports    INTEGER NOT NULL,
                characters INTEGER NOT NULL,
                removals   INTEGER NOT NULL
            );
            INSERT INTO index_totals (id, reports, characters, removals)
                SELECT 1, COUNT(*), COALESCE(SUM(characters), 0), 0 FROM reports;
            CREATE TRIGGER report_added AFTER INSERT ON reports BEGIN
                UPDATE index_totals SET reports = reports + 1, characters = characters + NEW.characters;
            END;
            CREATE TRIGGER report_removed AFTER DELETE ON reports BEGIN
                UPDATE index_totals SET reports = reports - 1, characters = characters - OLD.characters,
                                        removals = removals + 1;
            END;
            """)
    }
}
