import Foundation
import GRDB
import ReportAnalysis
import ReportParsing
import ReportProtocol
import TestSupport
import XCTest
@testable import Daemon

/// The facts rows of done reports, on the real State Council reports of Tests/Fixtures/real and
/// a real SQLite store: what is written at done, what the migration fills, what is announced.
final class FactsTablesTests: XCTestCase {
    static func parsed(_ year: Int) throws -> (id: String, file: String, bytes: [UInt8], document: ParsedDocument) {
        let file = "cn_national_\(year).gbk.txt"
        let input = Array(try Data(contentsOf: Repository.fixtures.appendingPathComponent("real/\(file)")))
        let document = try ReportParser().parse(bytes: input, fileName: file)
        return (ContentHash.of(input), file, try WireJSON.encode(document), document)
    }

    /// Takes a report from accepted to done through the store's own transitions.
    static func finish(_ report: (id: String, file: String, bytes: [UInt8], document: ParsedDocument), in store: StateStore,
                       at time: String) throws -> [PublishedEvent] {
        _ = try store.accept(id: report.id, file: report.file, size: report.bytes.count, time: time)
        _ = try store.recordParsed(id: report.id, file: report.file, document: report.bytes,
                                   headline: DocumentHeadline(title: report.document.title, region: report.document.region,
                                                              planYear: report.document.planYear, indicators: report.document.indicators.count),
                                   fingerprint: TextFingerprint(paragraphs: report.document.paragraphs), nearDuplicate: nil, time: time)
        _ = try store.recordSummary(id: report.id, file: report.file, result: Array("{}".utf8), keywords: 0, time: time)
        return try store.recordIndexed(id: report.id, file: report.file, result: Array("{}".utf8), time: time)
    }

    func testADoneReportHasOneRowPerFigureWithTheParagraphAndOffsetsOfItsSentence() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        let report = try Self.parsed(2015)
        _ = try Self.finish(report, in: store, at: "2015-03-05T00:00:00.000Z")
        try store.database.read { db in
            let head = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM report_facts WHERE report_id = ?", arguments: [report.id]))
            XCTAssertEqual(head["region_name"] as String?, "全国")
            XCTAssertEqual(head["region_level"] as String?, "national")
            XCTAssertEqual(head["review_year"] as Int?, 2014)
            XCTAssertEqual(head["plan_year"] as Int?, 2015)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indicator_facts WHERE report_id = ?", arguments: [report.id]),
                           report.document.indicators.count)
            // 国内生产总值增长7%左右: the GDP target, under its pairing key.
            let gdp = try XCTUnwrap(try Row.fetchOne(db, sql: """
                SELECT * FROM indicator_facts WHERE report_id = ? AND key = '地区生产总值' AND kind = 'target' ORDER BY ordinal
                """, arguments: [report.id]))
            XCTAssertEqual(gdp["growth_pct"] as Double?, 7)
            XCTAssertEqual(gdp["qualifier"] as String?, "about")
            XCTAssertEqual(gdp["not_stated"] as Bool?, false)
            let paragraph = report.document.paragraphs[try XCTUnwrap(gdp["paragraph"] as Int?)]
            let scalars = Array(paragraph.unicodeScalars)
            let start = try XCTUnwrap(gdp["char_start"] as Int?), end = try XCTUnwrap(gdp["char_end"] as Int?)
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), gdp["evidence"] as String?)
        }
    }

    func testFactsHeldFromTheParseWriteTheSameRowsAsTheStoredDocumentGives() throws {
        let report = try Self.parsed(2016)
        func rows(holdingFacts: Bool) throws -> [[String: DatabaseValue]] {
            let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
            let time = "2016-03-05T00:00:00.000Z"
            _ = try store.accept(id: report.id, file: report.file, size: report.bytes.count, time: time)
            let held = DocumentFacts(report.document)
            let writes: [StoreWrite] = [
                .parsed(id: report.id, file: report.file, document: report.bytes, headline: DocumentHeadline(report.document),
                        fingerprint: TextFingerprint(paragraphs: report.document.paragraphs), facts: held),
                .stage(.summarize, id: report.id, file: report.file, result: Array("{}".utf8), output: .summary(keywords: 0)),
                .stage(.index, id: report.id, file: report.file, result: Array("{}".utf8), output: .index),
            ]
            let outcomes = try store.commit(writes, time: time, nearDuplicate: { _, _ in nil }, parsedStored: { _, _, _ in },
                                            facts: { _ in holdingFacts ? held : nil })
            guard case .stored(let events) = try XCTUnwrap(outcomes.last) else {
                XCTFail("the index write was refused: \(outcomes)")
                return []
            }
            XCTAssertEqual(events.first?.topic, .indexed)
            XCTAssertTrue(events.contains { $0.topic == .done }, "the last write makes the report done")
            return try store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM report_facts").map { Dictionary(uniqueKeysWithValues: $0.map { ($0, $1) }) }
                    + Row.fetchAll(db, sql: "SELECT * FROM indicator_facts ORDER BY ordinal").map { Dictionary(uniqueKeysWithValues: $0.map { ($0, $1) }) }
            }
        }
        let held = try rows(holdingFacts: true)
        XCTAssertEqual(held.count, 1 + report.document.indicators.count)
        XCTAssertEqual(held, try rows(holdingFacts: false))
    }

    /// A done report as an older daemon stored it: its row and document, no facts.
    private static func insertDone(_ report: (id: String, file: String, bytes: [UInt8], document: ParsedDocument), in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO reports(id, file, size, state, received_at, finished_at, document)
            VALUES (?, ?, ?, 'done', '2014-03-05T00:00:00.000Z', '2014-03-05T00:00:01.000Z', ?)
            """, arguments: [report.id, report.file, report.bytes.count, Data(report.bytes)])
    }

    func testTheMigrationFillsTheFactsOfReportsDoneBeforeIt() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        let report = try Self.parsed(2014)
        try makeOldStore(at: path, upTo: "v7 reports by arrival") { db in
            try Self.insertDone(report, in: db)
            // Not done: its facts come when it is.
            try db.execute(sql: """
                INSERT INTO reports(id, file, size, state, received_at, document)
                VALUES ('unfinished', 'b.txt', 1, 'parsed', '2014-03-06T00:00:00.000Z', ?)
                """, arguments: [Data(report.bytes)])
        }
        let store = try StateStore(path: path)
        try store.database.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT report_id FROM report_facts"), [report.id])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT plan_year FROM report_facts"), 2014)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indicator_facts"), report.document.indicators.count)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT figures FROM report_facts"), report.document.indicators.count)
        }
    }

    func testTheMigrationGivesFiguresWrittenBeforeSectionsTheSectionsOfTheirDocument() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        let report = try Self.parsed(2014)
        try makeOldStore(at: path, upTo: "v9 facts figure counts") { db in
            try Self.insertDone(report, in: db)
            try db.execute(sql: "INSERT INTO report_facts(report_id, received_at, metadata_fields) VALUES (?, '2014-03-05T00:00:00.000Z', 8)",
                           arguments: [report.id])
            for (ordinal, indicator) in report.document.indicators.enumerated() {
                try db.execute(sql: """
                    INSERT INTO indicator_facts(report_id, ordinal, name, key, kind, estimated, not_stated, headline, evidence)
                    VALUES (?, ?, ?, ?, ?, 0, 0, 1, ?)
                    """, arguments: [report.id, ordinal, indicator.name, indicator.name, indicator.kind.rawValue, indicator.evidence])
            }
        }
        let store = try StateStore(path: path)
        let sections = try store.database.read { db in
            try String?.fetchAll(db, sql: "SELECT section FROM indicator_facts ORDER BY ordinal")
        }
        XCTAssertEqual(sections, report.document.indicators.map(\.section))
        XCTAssertTrue(sections.contains { $0 != nil }, "the national report's figures stand in sections")
    }

    /// A store migrated up to `version` and holding what `sql` inserts, opened (and so migrated on) as the daemon opens it.
    private func upgradedStore(from version: String, holding sql: String) throws -> StateStore {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        try makeOldStore(at: path, upTo: version) { db in try db.execute(sql: sql) }
        return try StateStore(path: path)
    }

    func testTheMigrationGivesFactsWrittenBeforeFileNamesTheirReportsFileName() throws {
        let store = try upgradedStore(from: "v10 figure sections", holding: """
            INSERT INTO reports(id, file, size, state, received_at) VALUES ('r1', '延庆区2023.txt', 1, 'done', '2024-01-01T00:00:00.000Z');
            INSERT INTO report_facts(report_id, received_at, metadata_fields) VALUES ('r1', '2024-01-01T00:00:00.000Z', 3);
            INSERT INTO report_facts(report_id, received_at, metadata_fields) VALUES ('gone', '2024-01-01T00:00:00.000Z', 3);
            """)
        try store.database.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT file FROM report_facts ORDER BY report_id"), ["", "延庆区2023.txt"],
                           "a row whose report is gone gets no name")
        }
    }

    func testTheMigrationCountsTheFiguresOfFactsWrittenBeforeTheCounts() throws {
        let store = try upgradedStore(from: "v8 facts", holding: """
            INSERT INTO reports(id, file, size, state, received_at) VALUES ('r1', 'a.txt', 1, 'done', '2024-01-01T00:00:00.000Z');
            INSERT INTO report_facts(report_id, received_at, metadata_fields) VALUES ('r1', '2024-01-01T00:00:00.000Z', 3);
            INSERT INTO indicator_facts(report_id, ordinal, name, key, kind, estimated, not_stated, headline, evidence) VALUES
                ('r1', 0, '地区生产总值', '地区生产总值', 'actual', 0, 0, 1, ''),
                ('r1', 1, '税收', '税收', 'actual', 0, 0, 0, ''),
                ('r1', 2, '地区生产总值', '地区生产总值', 'target', 0, 0, 1, '');
            """)
        try store.database.read { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT figures, headline_figures FROM report_facts"))
            XCTAssertEqual(row["figures"] as Int?, 3)
            XCTAssertEqual(row["headline_figures"] as Int?, 2)
        }
    }

    func testTrackJudgesATargetInStepWithTheEconomyOnTheReviewsGDPGrowth() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        for year in [2014, 2015] { _ = try Self.finish(try Self.parsed(year), in: store, at: "\(year)-03-05T00:00:00.000Z") }
        let commands = QueryCommands(store: store, deadline: QueryDeadline(milliseconds: 60_000))
        guard case .encoded(let body) = try commands.answer(ControlRequest(command: .track, indicator: "居民收入")) else {
            return XCTFail("track answers with an encoded view")
        }
        let response = try WireJSON.decode(ControlResponse.self, from: body)
        let rows = try XCTUnwrap(response.data).decode(TrackView.self).rows
        // 2014's 居民收入增长和经济增长同步 against the 2015 review's 8%, with GDP at 7.4%: met.
        let row = try XCTUnwrap(rows.first { $0.year == 2014 }, "\(rows)")
        XCTAssertEqual(row.verdict, "met", "\(row)")
        XCTAssertTrue(rows.allSatisfy { $0.indicator == "居民人均可支配收入" }, "GDP is read to judge, not listed")
    }

    func testTrackReadingOnlyCanonicalFiguresAnswersAsReadingEveryCopysFigures() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        for year in [2014, 2015] {
            let report = try Self.parsed(year)
            _ = try Self.finish(report, in: store, at: "\(year)-03-05T00:00:00.000Z")
            // Two later copies of each: the same document under other ids, as the same report
            // dropped as GBK text, UTF-8 text and Word is.
            for copy in 1...2 {
                let id = ContentHash.of(Array("\(report.id) copy \(copy)".utf8))
                _ = try Self.finish((id, "copy\(copy)_\(report.file)", report.bytes, report.document), in: store,
                                    at: "\(year)-03-0\(5 + copy)T00:00:00.000Z")
            }
        }
        let commands = QueryCommands(store: store, deadline: QueryDeadline(milliseconds: 60_000))
        func track(copyLimit: Int?, region: String? = nil) throws -> [TargetRow] {
            guard case .encoded(let body) = try commands.answer(ControlRequest(command: .track, region: region, indicator: "国内生产总值",
                                                                               copyLimit: copyLimit)) else {
                XCTFail("track answers with an encoded view")
                return []
            }
            return try XCTUnwrap(try WireJSON.decode(ControlResponse.self, from: body).data).decode(TrackView.self).rows
        }
        let everyFigure = try store.database.read { db in
            TargetPairing.outcomes(of: try StoredFacts.withCopies(db, try FactsRows.load(db, where: "1", arguments: [])))
                .filter { $0.indicator == "地区生产总值" }.map { TargetRow($0) }
        }
        let rows = try track(copyLimit: nil)
        XCTAssertEqual(rows, everyFigure)
        XCTAssertEqual(try track(copyLimit: nil, region: "全国"), everyFigure, "narrowed by region, the copies are looked up")
        let gdp2014 = try XCTUnwrap(rows.first { $0.year == 2014 })
        XCTAssertEqual(gdp2014.verdict, "met")
        XCTAssertEqual(gdp2014.target?.copies.count, 2, "the copies count once, through the earliest")
        XCTAssertEqual(gdp2014.target?.copyCount, 2)

        let counted = try track(copyLimit: 0)
        XCTAssertEqual(counted.map { $0.target?.copies ?? ["?"] }, counted.map { _ in [] }, "copy_limit 0 names none")
        XCTAssertEqual(counted.map { $0.target?.copyCount }, rows.map { $0.target?.copyCount }, "and still counts them")
        XCTAssertEqual(try track(copyLimit: 1).first?.target?.copies, Array(gdp2014.target!.copies.prefix(1)))
        guard case .response(let refusal) = try commands.answer(ControlRequest(command: .track, indicator: "国内生产总值", copyLimit: -1)) else {
            return XCTFail("a negative copy_limit is refused")
        }
        XCTAssertEqual(refusal.errorCode, .invalid)
        XCTAssertEqual(refusal.error, "copy_limit is -1; give 0 or more")
    }

    func testCompareAnswersFromTheFactsAGroupOfCopiesOnceAndStopsAtTheLimitWithoutCuttingAGroup() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        var documents: [String: ParsedDocument] = [:]
        for year in [2014, 2015] {
            let report = try Self.parsed(year)
            documents[report.id] = report.document
            _ = try Self.finish(report, in: store, at: "\(year)-03-05T00:00:00.000Z")
            let copy = ContentHash.of(Array("\(report.id) copy".utf8))
            _ = try Self.finish((copy, "copy_\(report.file)", report.bytes, report.document), in: store, at: "\(year)-03-06T00:00:00.000Z")
        }
        let commands = QueryCommands(store: store, deadline: QueryDeadline(milliseconds: 60_000))
        func compare(_ indicator: String, limit: Int? = nil) throws -> CompareView {
            guard case .encoded(let body) = try commands.answer(ControlRequest(command: .compare, limit: limit, indicator: indicator)) else {
                XCTFail("compare answers with an encoded view")
                return CompareView(indicator: "", rows: [], reportsWithout: nil)
            }
            return try XCTUnwrap(try WireJSON.decode(ControlResponse.self, from: body).data).decode(CompareView.self)
        }
        let all = try compare("国内生产总值")
        XCTAssertEqual(all.indicator, "地区生产总值")
        XCTAssertEqual(all.rows.map(\.year), [2013, 2014], "one row per report, its copy counted through it")
        XCTAssertEqual(all.rows.map(\.copies.count), [1, 1])
        XCTAssertEqual(all.reportsWithout, 0)
        XCTAssertFalse(all.more)
        for row in all.rows {
            // The figures as the document holds them, section included.
            let gdp = try XCTUnwrap(documents[row.reportId]).indicators.filter { $0.name == "地区生产总值" }
            XCTAssertEqual(row.actual, gdp.first { $0.kind == .actual && $0.year == row.year })
            XCTAssertNotNil(row.actual?.section)
            XCTAssertEqual(row.file, "cn_national_\(row.year! + 1).gbk.txt", "the earlier copy is the canonical one")
        }

        let first = try compare("国内生产总值", limit: 1)
        XCTAssertEqual(first.rows.map(\.year), [2013])
        XCTAssertEqual(first.rows.first?.copies.count, 1, "the limit does not cut a report from its copy")
        XCTAssertTrue(first.more)
        XCTAssertNil(first.reportsWithout, "past the limit the others are not counted")
        let both = try compare("国内生产总值", limit: 2)
        XCTAssertEqual(both.rows.map(\.year), [2013, 2014], "the limit counts regions and years, not stored copies")
        XCTAssertFalse(both.more, "nothing is left past the second")
        XCTAssertEqual(both.reportsWithout, 0)

        let part = try compare("公共预算收")
        XCTAssertTrue(part.indicator.contains("公共预算收"), "a part of a name compares the first stored name holding it: \(part.indicator)")
        XCTAssertFalse(part.rows.isEmpty)
        XCTAssertEqual(try compare("鲸鱼产量").rows, [])
        for limit in [0, Int.max] {
            guard case .response(let refusal) = try commands.answer(ControlRequest(command: .compare, limit: limit, indicator: "地区生产总值")) else {
                return XCTFail("a limit of \(limit) is refused")
            }
            XCTAssertEqual(refusal.errorCode, .invalid)
            XCTAssertEqual(refusal.error, "limit is \(limit); give 1 to 10000")
        }
    }

    func testReadingOneIndicatorsFiguresKeepsEachReportsCompleteness() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        for year in [2014, 2015] { _ = try Self.finish(try Self.parsed(year), in: store, at: "\(year)-03-05T00:00:00.000Z") }
        try store.database.read { db in
            let all = try FactsRows.load(db, where: "1", arguments: [])
            let gdp = try FactsRows.load(db, where: "1", arguments: [], keys: ["地区生产总值"])
            XCTAssertEqual(gdp.map(\.reportId), all.map(\.reportId))
            for (whole, part) in zip(all, gdp) {
                XCTAssertEqual(part.completeness, whole.completeness, whole.reportId)
                XCTAssertEqual(part.indicators, whole.indicators.filter { $0.key == "地区生产总值" }, whole.reportId)
                XCTAssertFalse(part.indicators.isEmpty, "each national report states GDP")
                XCTAssertLessThan(part.indicators.count, whole.indicators.count)
            }
        }
    }

    func testTheReportThatReviewsAYearAnnouncesItsTargetsInTheTransactionThatMakesItDone() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        let first = try Self.finish(try Self.parsed(2014), in: store, at: "2014-03-05T00:00:00.000Z")
        XCTAssertEqual(first.map(\.topic), [.indexed, .done], "nothing of 2014's targets is known before the 2015 report")
        let second = try Self.finish(try Self.parsed(2015), in: store, at: "2015-03-05T00:00:00.000Z")
        let resolved = try second.filter { $0.topic == .targetResolved }.map {
            try FeedEnvelope.decode(frames: $0.frames).data.decode(TargetRow.self)
        }
        let gdp = try XCTUnwrap(resolved.first { $0.indicator == "地区生产总值" })
        XCTAssertEqual(gdp.year, 2014)
        XCTAssertEqual(gdp.region, "全国")
        XCTAssertEqual(gdp.target?.growthPct, 7.5)
        XCTAssertEqual(gdp.actual?.growthPct, 7.4)
        XCTAssertEqual(gdp.verdict, "met")
        XCTAssertEqual(gdp.difference, -0.1)
        XCTAssertTrue(resolved.allSatisfy { $0.year == 2014 }, "the 2015 report settles 2014's targets only")
        XCTAssertEqual(try store.events(since: 0, limit: 100, topicPrefix: "target.").count, resolved.count,
                       "each announcement is stored for replay")
    }
}
