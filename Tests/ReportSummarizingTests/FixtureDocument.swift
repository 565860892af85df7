import Foundation
import ReportProtocol

/// Test-only stand-in for the parser, which is written elsewhere: it rebuilds paragraphs from a
/// fixture's lines in the simplest way that works on the samples (a line continues the previous
/// one unless that one ends a sentence or is a heading) and marks numbered lines as headings.
/// It is deliberately naive; the summarizer must cope with whatever paragraphs it is given.
enum FixtureDocument {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/corpus")

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    }

    static func parsed(_ name: String) throws -> ParsedDocument {
        var paragraphs: [String] = []
        var headingIndices: [Int] = []
        var previousClosed = true
        for rawLine in try text(name).split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if paragraphs.isEmpty || isHeading(line) {
                // A heading followed by body text on the same line: the body starts a paragraph of its own.
                let body = line.firstIndex(of: "。").map { line[line.index(after: $0)...] } ?? ""
                line.removeLast(body.count)
                headingIndices.append(paragraphs.count)
                paragraphs.append(line)
                previousClosed = true
                line = String(body)
                if line.isEmpty { continue }
            }
            if previousClosed || headingIndices.last == paragraphs.count - 1 {
                paragraphs.append(line)
            } else {
                paragraphs[paragraphs.count - 1] += line
            }
            previousClosed = line.unicodeScalars.last.map { "。！？；：:!?;".unicodeScalars.contains($0) } ?? true
        }
        let sections = headingIndices.map {
            Section(number: nil, title: paragraphs[$0], level: 1, paragraphIndex: $0, paragraphCount: 1)
        }
        return ParsedDocument(encoding: "utf-8", paragraphs: paragraphs, sections: sections,
                              indicators: [], parserVersion: "test-fixture-splitter")
    }

    private static func isHeading(_ line: String) -> Bool {
        guard line.count <= 40 else { return false }
        let numbered = #"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"#
        return line.range(of: numbered, options: .regularExpression) != nil
    }
}
