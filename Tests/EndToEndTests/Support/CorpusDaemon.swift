import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// A real reportd that has taken all five sample reports to report.done, shared by the tests of
/// one class (start it in `setUp`, stop it in `class tearDown`): the pipeline run is the slow part.
final class CorpusDaemon {
    let daemon: DaemonProcess
    /// Sample number ("000") → report id.
    let reportIds: [String: String]
    /// Sample number → the sample's text with all whitespace removed, as `grep` over the
    /// parser's rejoined lines would see it.
    let flatText: [String: String]

    static let samples = ["000", "001", "002", "003", "004"]

    init() throws {
        daemon = try DaemonProcess()
        try daemon.start()
        var ids: [String: String] = [:]
        var texts: [String: String] = [:]
        for sample in Self.samples {
            ids[sample] = try daemon.dropSample(sample).reportId
            let text = try String(contentsOf: try RepositoryPaths.corpusFile(sample), encoding: .utf8)
            texts[sample] = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
        }
        reportIds = ids
        flatText = texts
        try daemon.awaitReports(Array(ids.values))
    }

    func reportctl(_ test: XCTestCase) throws -> Reportctl { try Reportctl(daemon: daemon, test: test) }

    /// The samples whose whitespace-free text contains `term`: what grep finds.
    func grep(_ term: String) -> Set<String> {
        Set(flatText.filter { $0.value.contains(term) }.map { reportIds[$0.key]! })
    }

    /// Everything stored for a sample, through `get`.
    func view(_ sample: String) throws -> ReportView {
        let reply = try daemon.control().request(.init(command: .get, reportId: reportIds[sample]))
        guard reply.ok, let view = try reply.data?.decode(ReportView.self) else {
            throw FixtureFailure(message: "no report for \(sample): \(reply.error ?? "")")
        }
        return view
    }

    /// The stored parsed document of a sample, through `get`.
    func document(_ sample: String) throws -> ParsedDocument {
        guard let document = try view(sample).document else { throw FixtureFailure(message: "no document for \(sample)") }
        return document
    }
}

extension Reportctl {
    /// `reportctl COMMAND … --json`, decoded; a failed run is an error carrying its stderr.
    func json<Answer: Decodable>(_ command: String, _ arguments: [String], as answer: Answer.Type) throws -> Answer {
        let run = try run([command] + arguments + ["--json"])
        guard run.status == 0 else {
            throw FixtureFailure(message: "reportctl \(command) \(arguments) exited \(String(describing: run.status)): \(run.errorOutput)")
        }
        return try WireJSON.decode(Answer.self, from: Array(run.output.utf8))
    }

    func search(_ arguments: [String]) throws -> SearchResponse { try json("search", arguments, as: SearchResponse.self) }
    func trend(_ arguments: [String]) throws -> TrendResponse { try json("trend", arguments, as: TrendResponse.self) }
}

/// Test cases that share one daemon with the five samples done, started by the first test
/// that needs it and stopped when the class's tests are over.
class CorpusDaemonTestCase: XCTestCase {
    nonisolated(unsafe) static var corpus: CorpusDaemon?

    override func setUpWithError() throws {
        if Self.corpus == nil { Self.corpus = try CorpusDaemon() }
    }

    override class func tearDown() {
        corpus?.daemon.stop()
        corpus = nil
    }
}
