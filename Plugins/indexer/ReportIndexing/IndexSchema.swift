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
}

/// The tables of the index and their version, kept in `PRAGMA user_version`.
///
/// Bump `version` whenever the tables or the tokenizer change: an index written with another
/// tokenizer would silently miss matches, so it is rebuilt instead.
public enum IndexSchema {
    public static let version = 2

    private static let tables = ["paragraph_fts", "paragraphs", "reports"]

    /// Brings the database to the current schema. Runs in one IMMEDIATE transaction so that
    /// several indexer processes opening the same file at once do not race.
    static func prepare(_ db: Database) throws -> IndexSchemaState {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found == version { return .current }
        let hadTables = try tables.contains { try db.tableExists($0) }
        for table in tables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
        try create(db)
        return hadTables || found != 0 ? .rebuilt(fromVersion: found) : .created
    }

    private static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reports (
                report_id  TEXT PRIMARY KEY NOT NULL,
                file       TEXT NOT NULL,
                title      TEXT,
                region     TEXT,
                year       INTEGER,
                paragraphs INTEGER NOT NULL,
                characters INTEGER NOT NULL
            );
            CREATE TABLE paragraphs (
                id        INTEGER PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(report_id),
                ordinal   INTEGER NOT NULL,
                section   TEXT,
                top_section TEXT,
                body      TEXT NOT NULL
            );
            CREATE INDEX paragraphs_by_report ON paragraphs(report_id);
            CREATE VIRTUAL TABLE paragraph_fts USING fts5(
                body, content = 'paragraphs', content_rowid = 'id',
                tokenize = '\(BigramTokenizer.name)'
            );
            PRAGMA user_version = \(version);
            """)
    }
}
