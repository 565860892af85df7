import Foundation
import ReportProtocol
import XCTest

/// A real reportd that has taken one sample report all the way to report.done,
/// and a reportctl pointed at it: what the read-only commands are tested against.
struct SampleDaemon {
    let daemon: DaemonProcess
    let reportctl: Reportctl
    let file: String
    let reportId: String

    /// The word-processor sample (003, 门头沟区): one paragraph a line, so its sections are stable.
    init(sample prefix: String = "003", test: XCTestCase) throws {
        daemon = try DaemonProcess()
        try daemon.start()
        (file, reportId) = try daemon.dropSample(prefix)
        try daemon.awaitReports([reportId])
        reportctl = try Reportctl(daemon: daemon, test: test)
    }
}
