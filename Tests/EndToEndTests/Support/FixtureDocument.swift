import Foundation
import ReportProtocol

/// A `ParsedDocument` made from a sample report without the parser, which these tests do not link:
/// the word-processor sample (003) has one paragraph a line, and its top-level headings start with 一、 二、….
enum FixtureDocument {
    static let file = "003_844469fc1023d5d4.txt"

    static func load() throws -> ParsedDocument {
        let text = try String(contentsOf: RepositoryPaths.corpusFile(file), encoding: .utf8)
        let paragraphs = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let headingIndexes = paragraphs.indices.filter { isTopLevelHeading(paragraphs[$0]) }
        let sections = headingIndexes.enumerated().map { position, index in
            let next = position + 1 < headingIndexes.count ? headingIndexes[position + 1] : paragraphs.count
            let comma = paragraphs[index].firstIndex(of: "、")!
            return Section(number: String(paragraphs[index][...comma]),
                           title: String(paragraphs[index][paragraphs[index].index(after: comma)...]),
                           level: 1, paragraphIndex: index, paragraphCount: next - index)
        }
        return ParsedDocument(encoding: "utf-8", paragraphs: paragraphs, sections: sections, indicators: [],
                              parserVersion: "test fixture: one paragraph a line")
    }

    private static func isTopLevelHeading(_ paragraph: String) -> Bool {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        guard let comma = paragraph.firstIndex(of: "、"), paragraph.count < 40, !paragraph.contains("。") else { return false }
        let number = paragraph[..<comma]
        return !number.isEmpty && number.allSatisfy(numerals.contains)
    }

    /// The id reportd gives the sample: the SHA-256 of its bytes.
    static var reportId: String {
        get throws { ContentHash.of(Array(try Data(contentsOf: RepositoryPaths.corpusFile(file)))) }
    }
}
