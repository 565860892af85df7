import GRDB

/// The state store's tables. Migrations only ever append, so an old data dir upgrades in place.
enum StoreSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per distinct content (the id is the SHA-256 of the bytes).
            try db.execute(sql: """
                CREATE TABLE reports (
                    id TEXT PRIMARY KEY,
                    file TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    received_at TEXT NOT NULL,
                    finished_at TEXT,
                    document BLOB,
                    index_result BLOB,
                    summary BLOB
                );
                CREATE INDEX reports_state ON reports(state);
                -- Every published event, exactly as sent. AUTOINCREMENT keeps seq strictly
                -- increasing even after old rows are trimmed.
                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    topic TEXT NOT NULL,
                    report_id TEXT NOT NULL,
                    envelope BLOB NOT NULL
                );
                CREATE INDEX events_report ON events(report_id);
                CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                """)
        }
        migrator.registerMigration("v2 near duplicates") { db in
            // The MinHash of the parsed text, and the earlier report it nearly duplicates.
            try db.execute(sql: """
                ALTER TABLE reports ADD COLUMN fingerprint BLOB;
                ALTER TABLE reports ADD COLUMN near_duplicate BLOB;
                """)
        }
        migrator.registerMigration("v3 shelved names") { db in
            // Where a failed input went in failed/, so a retry takes exactly that file back.
            try db.execute(sql: "ALTER TABLE reports ADD COLUMN shelved_as TEXT")
        }
        migrator.registerMigration("v4 fingerprints table") { db in
            // Fingerprints in a table of their own: v2's column sits after the parsed document in
            // each row, so reading every fingerprint walked every document's overflow pages (about
            // 8 GB in a store of 100,000 reports). The old column is no longer read or written.
            try db.execute(sql: """
                CREATE TABLE fingerprints (
                    id TEXT PRIMARY KEY,
                    file TEXT NOT NULL,
                    sketch BLOB NOT NULL
                );
                INSERT INTO fingerprints(id, file, sketch)
                    SELECT id, file, fingerprint FROM reports WHERE fingerprint IS NOT NULL ORDER BY rowid;
                """)
        }
        migrator.registerMigration("v5 done headline") { db in
            // What report.done tells of the document and summary, stored when they arrive, so
            // finishing a report runs no json_extract over a 40-50 KB document. Reports already
            // parsed get theirs from their stored JSON; finished ones never announce done again
            // (a retry parses afresh).
            try db.execute(sql: """
                ALTER TABLE reports ADD COLUMN title TEXT;
                ALTER TABLE reports ADD COLUMN region TEXT;
                ALTER TABLE reports ADD COLUMN plan_year INTEGER;
                ALTER TABLE reports ADD COLUMN indicators INTEGER;
                ALTER TABLE reports ADD COLUMN keywords INTEGER;
                UPDATE reports SET title = json_extract(document, '$.title'), region = json_extract(document, '$.region'),
                    plan_year = json_extract(document, '$.plan_year'),
                    indicators = json_array_length(document, '$.indicators'),
                    keywords = json_array_length(summary, '$.keywords')
                WHERE state = 'parsed';
                """)
        }
        migrator.registerMigration("v6 parsed events share the document") { db in
            // A report.parsed row keeps its envelope without the document, which reports.document
            // holds (StoreEventHistory.swift): each document goes through the WAL once, not twice.
            // Rows written before keep their whole envelopes (0).
            try db.execute(sql: "ALTER TABLE events ADD COLUMN data_is_document INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v7 reports by arrival") { db in
            // `reportctl list` reads the newest reports first, filtered by arrival time: without
            // this index it would walk every row of the table (with its documents) to sort them.
            try db.execute(sql: "CREATE INDEX reports_received ON reports(received_at)")
        }
        migrator.registerMigration("v8 facts") { db in
            // Issue 15's normalised facts (FactsTables.swift); v11 fills them for the reports already done.
            try FactsTables.create(db)
        }
        migrator.registerMigration("v9 facts figure counts") { db in
            try FactsTables.addFigureCounts(db)
        }
        migrator.registerMigration("v10 figure sections") { db in
            // `compare` answers from the facts and shows each figure as the document holds it,
            // section included.
            try FactsTables.addSections(db)
        }
        migrator.registerMigration("v11 facts file names") { db in
            // Each report's file name beside its facts, for `compare`. Then the facts of the
            // reports done before v8 (the backfill writes every column, so it runs once the last is there).
            try FactsTables.addFileNames(db)
            try FactsTables.backfill(db)
        }
        return migrator
    }
}
