import Foundation
import ReportProtocol
import XCTest
@testable import Daemon

final class TimestampTests: XCTestCase {
    func testWritesWhatTheSharedRFC3339FormatterWrites() {
        var generator = SystemRandomNumberGenerator()
        let fixed = [0, 951_782_400_000, 1_732_547_484_123, 1_732_547_484_999, 4_102_444_799_999]
        let random = (0..<2000).map { _ in Int64.random(in: 0...4_102_444_799_999, using: &generator) }
        for milliseconds in fixed.map(Int64.init) + random {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            XCTAssertEqual(Timestamp.rfc3339(date), date.rfc3339, "\(milliseconds) ms")
        }
    }

    func testReadsBackAsTheSameMillisecond() throws {
        let now = Date()
        let parsed = try XCTUnwrap(Date(rfc3339: Timestamp.rfc3339(now)))
        XCTAssertEqual(parsed.timeIntervalSince1970, now.timeIntervalSince1970, accuracy: 0.0005)
    }
}
