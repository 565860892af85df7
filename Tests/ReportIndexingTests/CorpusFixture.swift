import Foundation
import ReportProtocol

/// The five sample reports as `ParsedDocument`s, built simply (one paragraph per non-blank
/// line, top-level headings from `一、` lines) because the real parser lives elsewhere.
struct CorpusReport {
    var id: String
    var file: String
    var document: ParsedDocument

    /// The reports in which a plain substring search of the stored paragraphs finds `term`.
    static func ids(in reports: [CorpusReport], containing term: String) -> Set<String> {
        Set(reports.filter { $0.document.paragraphs.contains { $0.contains(term) } }.map(\.id))
    }

    static func loadAll() throws -> [CorpusReport] {
        let directory = fixturesDirectory().appendingPathComponent("corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
        return try files.map { file in
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return CorpusReport(id: String(file.dropLast(4)), file: file, document: document(from: text))
        }
    }

    static func document(from text: String) -> ParsedDocument {
        let paragraphs = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return ParsedDocument(title: paragraphs.first, planYear: 2023, encoding: "utf-8", paragraphs: paragraphs,
                              sections: topLevelSections(of: paragraphs), indicators: [], parserVersion: "test")
    }

    private static func topLevelSections(of paragraphs: [String]) -> [Section] {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六"]
        let starts = paragraphs.indices.filter { index in
            let line = paragraphs[index]
            return line.count < 40 && line.dropFirst().first == "、" && numerals.contains(line.first!)
        }
        return starts.enumerated().map { position, start in
            let end = position + 1 < starts.count ? starts[position + 1] : paragraphs.count
            let line = paragraphs[start]
            return Section(number: String(line.prefix(2)), title: String(line.dropFirst(2)), level: 1,
                           paragraphIndex: start, paragraphCount: end - start)
        }
    }

    static func fixturesDirectory() -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Tests/Fixtures")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        fatalError("Tests/Fixtures not found above \(#filePath)")
    }
}
