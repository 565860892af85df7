import ChineseText
import Foundation
import ReportAnalysis
import ReportProtocol

/// What a parsed document gives the facts tables, worked out when the parser's result is
/// checked, while the document is decoded anyway. Reading the document back out of the store and
/// decoding it again when the report is done was a fifth of a release daemon's CPU in a burst
/// (perf, 2026-12-07); the pipeline keeps these beside the document bytes until then.
struct DocumentFacts: Sendable, Equatable {
    /// The report's facts; `reportId`, `receivedAt` and `nearDuplicateOf` are the store's to set.
    var report: ReportFacts
    /// Where each figure's evidence stands in its paragraph, in `report.indicators`' order.
    var spans: [ScalarSpan?]

    init(_ document: ParsedDocument) {
        report = ReportFacts(document: document, reportId: "", receivedAt: .distantPast)
        // The parser's gazetteer gives the code; `ReportFacts(document:)` leaves codes to the store.
        if report.region != .national, report.region.name != nil { report.region.code = document.regionCode }
        spans = report.indicators.map { fact in fact.paragraph.flatMap { ScalarSpan(of: fact.evidence, in: document.paragraphs[$0]) } }
    }

    /// These facts as the stored report's.
    func of(reportId: String, receivedAt: String, nearDuplicateOf: String?) -> ReportFacts {
        var facts = report
        facts.reportId = reportId
        facts.receivedAt = Date(rfc3339: receivedAt) ?? Date()
        facts.nearDuplicateOf = nearDuplicateOf
        return facts
    }
}

/// Where a figure's evidence stands in its paragraph, in Unicode scalars (as `SentenceSpan`).
struct ScalarSpan: Sendable, Equatable {
    var start: Int
    var end: Int

    /// Nil when the parser joined two sentences into one evidence and it stands nowhere whole.
    init?(of evidence: String, in paragraph: String) {
        guard !evidence.isEmpty, let offset = paragraph.utf8Offset(of: evidence) else { return nil }
        // Scalars before the match: every UTF-8 byte that is not a continuation byte starts one.
        start = paragraph.utf8.prefix(offset).reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        end = start + evidence.unicodeScalars.count
    }
}
