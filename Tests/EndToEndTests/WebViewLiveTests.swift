import Foundation
import ReportProtocol
import XCTest

/// The inbox page follows the feed: a report dropped after the page loaded ticks through to
/// `done` in the open page, which is never reloaded (the DevTools helper marks the window first).
final class WebViewLiveTests: XCTestCase {
    func testTheLiveInboxShowsAReportReachDoneWithoutAReload() throws {
        let chromium = try HeadlessChromium()
        guard let python = RepositoryPaths.python else { throw XCTSkip("python3 is needed for the DevTools helper") }
        let daemon = try DaemonProcess()
        try daemon.start()
        defer { daemon.stop() }
        let web = try WebViewProcess(daemon: daemon, test: self)
        let helper = RepositoryPaths.fixtures.appendingPathComponent("web/cdp_wait.py")
        let screenshot = chromium.outputDirectory.appendingPathComponent("inbox-live.png")
        let logs = try RepositoryPaths.scratchDirectory(for: self)
        let browser = try ChildProcess(python, [
            helper.path, chromium.executable.path, web.url("/"),
            "document.getElementById('live-state').className.indexOf('on') >= 0",
            "!!document.querySelector('tr[data-stage=\"done\"]')",
            "120", screenshot.path,
        ], logDirectory: logs, test: self)
        XCTAssertTrue(browser.awaitOutputLine(within: 60) { $0 == "READY" },
                      "the inbox never went live:\n\(browser.output)\n\(browser.errorOutput)")
        let dropped = try daemon.dropSample("003")

        XCTAssertEqual(browser.exitStatus(within: 180), 0, "the page did not show done without a reload:\n\(browser.output.suffix(3000))")
        let dom = browser.output.components(separatedBy: "\nDOM\n").last ?? ""
        XCTAssertTrue(dom.contains("<tr id=\"r-\(dropped.reportId)\" data-stage=\"done\">"), dom)
        XCTAssertTrue(dom.contains(dropped.file))
        XCTAssertTrue(FileManager.default.fileExists(atPath: screenshot.path))
    }

    /// reportd-web holds no state: it starts before the daemon, says so on every page while the
    /// daemon is away, and serves again once it is there, without a restart of its own.
    func testWithoutTheDaemonPagesSaySoAndServeAgainOnceItStarts() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        let web = try WebViewProcess(daemon: daemon, timeout: 1, test: self)
        for path in ["/", "/search?q=x", "/track", "/reports/0123abcd"] {
            let page = try web.get(path)
            XCTAssertEqual(page.status, 503, path)
            XCTAssertTrue(page.body.contains("The daemon did not answer"), "\(path): \(page.body)")
            XCTAssertTrue(page.body.contains("is reportd running?"), "\(path) does not say what to check")
        }
        try daemon.start()
        XCTAssertEqual(try web.get("/").status, 200)
        XCTAssertEqual(try web.get("/reports/0123abcd").status, 404)
    }
}
