"""Makes a state store of many finished reports from a real daemon's store, for the start-up figure.

The seed is the store a bench run leaves behind: every row was written by reportd itself from
real worker results. Each finished report is copied under new, distinct ids (the first 56 hex
digits of its id and an 8-digit copy number) with its document, index result, summary and
fingerprint (in `reports`, and in `fingerprints` where the schema has that table), until the store
holds the number asked for. The feed history is then what a daemon
with `feed.history = 100000` keeps: the newest 100,000 events, the copied ones with their ids and
sequence numbers rewritten inside the envelopes.
"""
import os
import sqlite3

HISTORY = 100_000


def copy_database(source, target):
    """A consistent copy through SQLite's backup API (the seed may still have a WAL beside it)."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
    with sqlite3.connect(source) as seed, sqlite3.connect(target) as copy:
        seed.backup(copy)


def build(seed_path, target_path, reports):
    """Writes a store of `reports` finished reports to target_path; returns (reports, events) in it."""
    copy_database(seed_path, target_path)
    database = sqlite3.connect(target_path, isolation_level=None)
    try:
        # Bulk loading without a journal: if it is interrupted, the next bench run builds it again.
        database.execute("PRAGMA journal_mode = OFF")
        database.execute("PRAGMA synchronous = OFF")
        database.execute("CREATE TEMP TABLE seed AS SELECT id FROM reports WHERE state = 'done'")
        seeds = database.execute("SELECT COUNT(*) FROM seed").fetchone()[0]
        if seeds == 0:
            raise SystemExit(f"{seed_path} holds no finished report to copy")
        total = database.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        copy = 0
        database.execute("BEGIN")
        while total < reports:
            copy += 1
            database.execute("""
                INSERT INTO reports(id, file, size, state, attempts, error, received_at, finished_at,
                                    document, index_result, summary, fingerprint, near_duplicate, shelved_as)
                SELECT substr(r.id, 1, 56) || printf('%08x', ?1), 'copy' || ?1 || '-' || r.file, r.size, r.state,
                       r.attempts, r.error, r.received_at, r.finished_at, r.document, r.index_result, r.summary,
                       r.fingerprint, r.near_duplicate, r.shelved_as
                FROM reports AS r JOIN seed USING (id) ORDER BY r.rowid LIMIT ?2
                """, (copy, reports - total))
            copy_fingerprints(database, copy)
            total = database.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        # The history a daemon keeps: the newest events, so those of the last copies.
        events = database.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        per_copy = database.execute("SELECT COUNT(*) FROM events JOIN seed ON seed.id = events.report_id").fetchone()[0]
        wanted = -(-(HISTORY - events) // per_copy) if per_copy and events < HISTORY else 0
        for number in range(max(1, copy - wanted + 1), copy + 1):
            copy_history(database, number)
        database.execute("COMMIT")
        database.execute("DELETE FROM events WHERE seq <= (SELECT MAX(seq) FROM events) - ?", (HISTORY,))
        database.execute("PRAGMA journal_mode = WAL")
        events = database.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        return total, events
    finally:
        database.close()


def copy_fingerprints(database, copy):
    """The near-duplicate sketches of copy number `copy`, where the store keeps them in a table of their own."""
    if not database.execute("SELECT 1 FROM sqlite_master WHERE name = 'fingerprints'").fetchone():
        return
    database.execute("""
        INSERT INTO fingerprints(id, file, sketch)
        SELECT substr(f.id, 1, 56) || printf('%08x', ?1), 'copy' || ?1 || '-' || f.file, f.sketch
        FROM fingerprints AS f JOIN seed USING (id)
        WHERE EXISTS (SELECT 1 FROM reports WHERE id = substr(f.id, 1, 56) || printf('%08x', ?1))
        ORDER BY f.rowid
        """, (copy,))


def copy_history(database, copy):
    """Appends the seed reports' events once more, as the events of copy number `copy` (those
    of its reports that exist: the last copy may be partial)."""
    offset = database.execute("SELECT MAX(seq) FROM events").fetchone()[0]
    database.execute("""
        INSERT INTO events(seq, topic, report_id, data_is_document, envelope)
        SELECT e.seq + ?2, e.topic, substr(e.report_id, 1, 56) || printf('%08x', ?1), e.data_is_document,
               CAST(replace(replace(CAST(e.envelope AS TEXT),
                                    '"report_id":"' || e.report_id || '"',
                                    '"report_id":"' || substr(e.report_id, 1, 56) || printf('%08x', ?1) || '"'),
                            '"seq":' || e.seq || ',', '"seq":' || (e.seq + ?2) || ',') AS BLOB)
        FROM events AS e JOIN seed ON seed.id = e.report_id
        WHERE EXISTS (SELECT 1 FROM reports WHERE id = substr(e.report_id, 1, 56) || printf('%08x', ?1))
        ORDER BY e.seq
        """, (copy, offset))
