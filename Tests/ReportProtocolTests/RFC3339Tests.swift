import Foundation
@testable import ReportProtocol
import XCTest

/// The direct reader and writer of the daemon's timestamps agree with ISO8601DateFormatter, and
/// the reader leaves every other form to it.
final class RFC3339Tests: XCTestCase {
    func testTheDirectReaderAgreesWithTheFormatterFrom1900To2200() throws {
        var generator = SystemRandomNumberGenerator()
        let start = -2_208_988_800_000 as Int64, end = 7_258_118_400_000 as Int64 // 1900 and 2200, in ms
        let edges: [Int64] = [0, 951_782_400_000, 951_868_799_999, 4_107_542_399_999, -1, start, end - 1]
        for milliseconds in edges + (0..<5_000).map({ _ in Int64.random(in: start..<end, using: &generator) }) {
            let text = RFC3339.formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            let direct = try XCTUnwrap(RFC3339.millisecondsUTC(text), text)
            XCTAssertEqual(direct.timeIntervalSince1970, try XCTUnwrap(RFC3339.formatter.date(from: text)).timeIntervalSince1970,
                           accuracy: 0.0005, text)
        }
    }

    func testTheDirectWriterWritesWhatTheFormatterWrites() {
        var generator = SystemRandomNumberGenerator()
        let fixed = [0, 951_782_400_000, 1_732_547_484_123, 1_732_547_484_999, 4_102_444_799_999]
        let random = (0..<2000).map { _ in Int64.random(in: 0...4_102_444_799_999, using: &generator) }
        for milliseconds in fixed.map(Int64.init) + random {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            XCTAssertEqual(date.rfc3339, RFC3339.formatter.string(from: date), "\(milliseconds) ms")
        }
    }

    func testAWrittenTimeReadsBackAsTheSameMillisecond() throws {
        let now = Date()
        let parsed = try XCTUnwrap(Date(rfc3339: now.rfc3339))
        XCTAssertEqual(parsed.timeIntervalSince1970, now.timeIntervalSince1970, accuracy: 0.0005)
    }

    func testOtherFormsAreLeftToTheFormatter() {
        for text in ["2026-11-25T23:31:24+08:00", "2026-11-25T15:31:24Z", "2026-11-25T15:31:24.1234Z", "2026-02-29T00:00:00.000Z",
                     "2026-13-01T00:00:00.000Z", "2026-11-25 15:31:24.123Z", "２０２６-11-25T15:31:24.123Z"] {
            XCTAssertNil(RFC3339.millisecondsUTC(text), text)
        }
        XCTAssertEqual(Date(rfc3339: "2026-11-25T23:31:24.000+08:00"), Date(rfc3339: "2026-11-25T15:31:24.000Z"))
        XCTAssertEqual(Date(rfc3339: "2026-11-25T23:31:24+08:00"), Date(rfc3339: "2026-11-25T15:31:24.000Z"), "whole seconds, as typed")
        XCTAssertNil(Date(rfc3339: "yesterday"))
    }
}
