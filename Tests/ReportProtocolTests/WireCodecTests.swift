import Foundation
@testable import ReportProtocol
import XCTest

/// The hand-written wire codec writes exactly the bytes of the Codable path, reads back what it
/// wrote, and hands anything it does not read exactly as JSONDecoder would to JSONDecoder.
final class WireCodecTests: XCTestCase {
    /// Strings that need every kind of escape, or none where one might be expected.
    static let awkwardStrings: [String] = [
        "", "plain ascii", "政府工作报告", "引号\"与反斜杠\\", "a/b</script>", "tab\there\nline\r\u{8}\u{C}",
        "\u{0}\u{1}\u{1F}\u{7F}", "😀 非BMP 𠀀𪚥", "\u{2028}\u{2029}\u{FEFF}", "e\u{301}", String(repeating: "长", count: 5000),
    ]
    static let awkwardNumbers: [Double] = [0, -0.0, 1, -1, 4.5, 100, 1e15, 1e16, 1.5e16, 1e21, 0.1, 1e-5, 2.5e-7,
                                           1.0 / 3, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -3.2, 213.45,
                                           9_007_199_254_740_994, 123_456_789_012_345_680]

    private func codableBytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try WireJSON.encoder.encode(value))
    }

    private func assertSameAsCodable<T: Codable & Equatable & WireFastEncodable & WireFastDecodable>(
        _ value: T, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let expected = try codableBytes(value)
        let fast = try value.wireBytes()
        XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: expected, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(fast, expected, file: file, line: line)
        // The fast reader itself, not a fallback, reads it back.
        XCTAssertEqual(try T(wireBytes: expected), value, file: file, line: line)
        // Equality calls -0.0 and 0.0 equal; writing the value back again tells them apart.
        XCTAssertEqual(try T(wireBytes: expected).wireBytes(), expected, file: file, line: line)
        XCTAssertEqual(try WireJSON.decoder.decode(T.self, from: Data(expected)), value, file: file, line: line)
    }

    static func document(strings: [String], numbers: [Double], everyOptional: Bool) -> ParsedDocument {
        let text = { (index: Int) in strings[index % strings.count] }
        let number = { (index: Int) in numbers[index % numbers.count] }
        var document = ParsedDocument(
            title: everyOptional ? text(1) : nil, region: everyOptional ? text(2) : nil,
            reviewYear: everyOptional ? 2022 : nil, planYear: everyOptional ? -7 : nil,
            speaker: everyOptional ? text(3) : nil, meetingDate: everyOptional ? "2023-01-05" : nil,
            encoding: text(4), paragraphs: strings, sections: [], indicators: [], parserVersion: text(5))
        document.sections = [
            Section(number: everyOptional ? text(6) : nil, title: text(7), level: 1, paragraphIndex: 0, paragraphCount: Int.max,
                    children: [Section(number: everyOptional ? "（一）" : nil, title: text(8), level: 2, paragraphIndex: Int.min, paragraphCount: 0)]),
            Section(number: "二、", title: text(9), level: 1, paragraphIndex: 3, paragraphCount: 2),
        ]
        document.indicators = numbers.indices.map { index in
            var indicator = Indicator(name: text(index), kind: index % 2 == 0 ? .actual : .target, evidence: text(index + 1))
            if everyOptional || index % 3 == 0 {
                indicator.value = number(index)
                indicator.unit = text(index + 2)
                indicator.growthPct = number(index + 1)
                indicator.qualifier = [.about, .over, .under, .same, .range][index % 5]
                indicator.year = 2000 + index
                indicator.section = text(index + 3)
                indicator.headline = index % 2 == 0
                indicator.growthPctHigh = number(index + 2)
                indicator.valueHigh = number(index + 3)
                indicator.valueQualifier = [.over, .about, .range][index % 3]
                indicator.estimated = index % 2 == 1
                indicator.notStated = index % 2 == 0
                indicator.direction = [.up, .down, .inStep][index % 3]
                indicator.source = text(index + 4)
            }
            return indicator
        }
        if everyOptional {
            document.regionFull = text(10)
            document.regionLevel = "district"
            document.speakerOffice = text(11)
            document.session = text(12)
            document.documentType = DocumentType(isReport: true, confidence: 0.875, reason: text(13))
            document.sourceFormat = "html"
            document.script = "traditional"
            document.originalParagraphs = strings.reversed()
            document.sentences = (0..<50).map { SentenceSpan(paragraphIndex: $0 / 7, start: $0 * 3, end: $0 * 3 + 2) }
            document.regionCode = "110101"
            document.metadataSources = MetadataSources(region: .dateLine, speaker: .speakerLine, meetingDate: .dateLine,
                                                       session: .dateLine, reviewYear: .heading, planYear: .derived)
            document.metadataNotes = [text(14), text(15)]
            document.reviewFirstYear = 2013
        } else {
            // A partly filled sources object: nil members are left out, as Codable leaves them out.
            document.metadataSources = MetadataSources(region: .title, planYear: .body)
        }
        return document
    }

    /// Where `value` holds a nil optional, at any depth: a field added to a wire type but left
    /// unset by the fixtures below would go unchecked by the byte comparisons, since an absent
    /// optional is written by neither path.
    static func unsetOptionals(in value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return unsetOptionals(in: wrapped, path: path)
        case .collection, .set:
            return mirror.children.enumerated().flatMap { unsetOptionals(in: $0.element.value, path: "\(path)[\($0.offset)]") }
        case .struct, .class:
            return mirror.children.flatMap { unsetOptionals(in: $0.value, path: path + "." + ($0.label ?? "?")) }
        default:
            return []
        }
    }

    func testTheFullFixturesSetEveryOptionalFieldSoTheCodecIsCheckedOnAll() throws {
        let document = Self.document(strings: Self.awkwardStrings, numbers: Self.awkwardNumbers, everyOptional: true)
        XCTAssertEqual(Self.unsetOptionals(in: document, path: "document"), [],
                       "set these in WireCodecTests.document(everyOptional: true), then make writeWire/readWire handle them")
        XCTAssertEqual(Self.unsetOptionals(in: Self.fullSummary(document), path: "summary"), [],
                       "set these in WireCodecTests.fullSummary, then make SummaryResult's codec handle them")
        // The reflection sees through to nested types: a nil deep inside is found and named.
        var partial = document
        partial.indicators[1].unit = nil
        XCTAssertEqual(Self.unsetOptionals(in: partial, path: "document"), ["document.indicators[1].unit"])
    }

    static func fullSummary(_ document: ParsedDocument) -> SummaryResult {
        SummaryResult(
            keywords: awkwardNumbers.enumerated().map { .init(term: awkwardStrings[$0.offset % awkwardStrings.count], weight: $0.element) },
            summary: awkwardStrings, dictionary: "jieba-dict.txt sha256:abc, domain 3",
            sectionSummaries: [.init(title: "一、回顾", sentence: "句子。"), .init(title: "二、计划", sentence: "计划。")],
            indicatorDigest: document.indicators)
    }

    func testDocumentsEncodeAsCodableDoesAndReadBack() throws {
        for everyOptional in [true, false] {
            try assertSameAsCodable(Self.document(strings: Self.awkwardStrings, numbers: Self.awkwardNumbers, everyOptional: everyOptional))
        }
        try assertSameAsCodable(ParsedDocument(encoding: "utf-8", paragraphs: [], sections: [], indicators: [], parserVersion: "p"))
    }

    func testSummariesEncodeAsCodableDoesAndReadBack() throws {
        let document = Self.document(strings: Self.awkwardStrings, numbers: Self.awkwardNumbers, everyOptional: true)
        try assertSameAsCodable(SummaryResult(keywords: [], summary: [], dictionary: ""))
        try assertSameAsCodable(Self.fullSummary(document))
        var withoutSentence = Self.fullSummary(document)
        withoutSentence.sectionSummaries?[1].sentence = nil
        try assertSameAsCodable(withoutSentence)
    }

    func testCompareAnswersEncodeAsCodableDoes() throws {
        let indicators = Self.document(strings: Self.awkwardStrings, numbers: Self.awkwardNumbers, everyOptional: true).indicators
        let full = CompareView(indicator: "地区生产总值", rows: indicators.indices.map { index in
            CompareRow(reportId: Self.awkwardStrings[index % Self.awkwardStrings.count], file: Self.awkwardStrings[(index + 1) % Self.awkwardStrings.count],
                       region: Self.awkwardStrings[(index + 2) % Self.awkwardStrings.count], year: 2000 + index,
                       actual: indicators[index], target: indicators[(index + 1) % indicators.count],
                       copies: Array(Self.awkwardStrings.prefix(index % 3)))
        }, reportsWithout: 7, more: false)
        XCTAssertEqual(Self.unsetOptionals(in: full, path: "compare"), [], "set these in the fixture, then make CompareView's codec write them")
        let sparse = CompareView(indicator: "收入", rows: [CompareRow(reportId: "r", file: "f", region: nil, year: nil, actual: nil, target: nil)],
                                 reportsWithout: nil, more: true)
        for view in [full, sparse, CompareView(indicator: "", rows: [], reportsWithout: 0)] {
            let fast = try view.wireBytes()
            XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: try codableBytes(view), as: UTF8.self))
            XCTAssertEqual(try WireJSON.decoder.decode(CompareView.self, from: Data(fast)), view)
        }
    }

    func testAnswersOfADaemonBeforeCopyCountsStillDecode() throws {
        let compare = try WireJSON.decode(CompareView.self, from: Array("""
            {"indicator":"地区生产总值","reports_without":0,"rows":[{"file":"a.txt","report_id":"r","year":2022}]}
            """.utf8))
        XCTAssertFalse(compare.more)
        XCTAssertEqual(compare.rows.first?.copies, [])
        let figure = try WireJSON.decode(FigureView.self, from: Array("""
            {"copies":["c1","c2"],"estimated":false,"evidence":"e","name":"地区生产总值","not_stated":false,"report_id":"r"}
            """.utf8))
        XCTAssertNil(figure.copyCount)
        XCTAssertEqual(figure.storedCopies, 2, "an older daemon named every copy")
    }

    func testTrackAndSeriesAnswersEncodeAsCodableDoes() throws {
        let text = { (index: Int) in Self.awkwardStrings[index % Self.awkwardStrings.count] }
        let number = { (index: Int) in Self.awkwardNumbers[index % Self.awkwardNumbers.count] }
        let figure = { (index: Int) in
            FigureView(reportId: text(index), copies: Array(Self.awkwardStrings.prefix(index % 3)), copyCount: index, paragraph: index - 2,
                       name: text(index + 1), value: number(index), valueHigh: number(index + 1), unit: text(index + 2),
                       growthPct: number(index + 2), growthPctHigh: number(index + 3), qualifier: [.about, .over, .range][index % 3],
                       valueQualifier: [.under, .same][index % 2], direction: [.up, .down, .inStep][index % 3],
                       estimated: index % 2 == 0, notStated: index % 3 == 0, evidence: text(index + 3))
        }
        let rows = Self.awkwardNumbers.indices.map { index in
            TargetRow(region: text(index), regionCode: text(index + 1), regionLevel: text(index + 2), year: 2000 - index,
                      indicator: text(index + 3), target: figure(index), actual: figure(index + 1), revised: [figure(index + 2), figure(index + 3)],
                      verdict: text(index + 4), gap: number(index), gapUnit: text(index + 5), difference: number(index + 1),
                      verdictText: text(index + 6))
        }
        let full = TrackView(indicator: "地区生产总值", rows: rows)
        XCTAssertEqual(Self.unsetOptionals(in: full, path: "track"), [], "set these in the fixture, then make the codec write them")
        let sparse = TargetRow(region: "全国", regionCode: nil, regionLevel: nil, year: 2014, indicator: "地区生产总值",
                               target: FigureView(reportId: "r", copies: [], paragraph: nil, name: "n", value: nil, valueHigh: nil, unit: nil,
                                                  growthPct: nil, growthPctHigh: nil, qualifier: nil, valueQualifier: nil, direction: nil,
                                                  estimated: false, notStated: true, evidence: ""),
                               actual: nil, revised: [], verdict: nil, gap: nil, gapUnit: nil, difference: nil, verdictText: nil)
        let views: [any WireFastEncodable] = [full, TrackView(indicator: "", rows: [sparse]), SeriesView(region: "全国", indicator: "地区生产总值", rows: rows),
                                              SeriesView(region: text(3), indicator: nil, rows: [sparse])]
        for view in views {
            XCTAssertEqual(String(decoding: try view.wireBytes(), as: UTF8.self), String(decoding: try codableBytes(view), as: UTF8.self))
        }
    }

    func testDocumentInputsReadBack() throws {
        let input = DocumentInput(reportId: "abc123", file: "报告 \"2023\".txt",
                                  document: Self.document(strings: Self.awkwardStrings, numbers: Self.awkwardNumbers, everyOptional: true))
        let read = try DocumentInput(wireBytes: try codableBytes(input))
        XCTAssertEqual(read.document, input.document)
        XCTAssertEqual([read.reportId, read.file], [input.reportId, input.file])
        XCTAssertEqual(try ParseInput(wireBytes: Array(#"{"file":"a.txt","report_id":"r"}"#.utf8)), ParseInput(reportId: "r", file: "a.txt"))
    }

    func testNonFiniteNumbersFailAsCodableDoes() {
        var document = ParsedDocument(encoding: "utf-8", paragraphs: [], sections: [], indicators: [], parserVersion: "p")
        document.indicators = [Indicator(name: "n", kind: .actual, value: .infinity, evidence: "e")]
        XCTAssertThrowsError(try WireJSON.encode(document)) { XCTAssertTrue($0 is EncodingError, "\($0)") }
        document.indicators[0].value = .nan
        XCTAssertThrowsError(try WireJSON.encode(document)) { XCTAssertTrue($0 is EncodingError, "\($0)") }
    }

    /// Escapes the writer never produces, whitespace and null optionals: the reader takes them itself.
    func testReaderTakesEscapesWhitespaceAndNulls() throws {
        let json = """
         { "encoding" : "utf\\u002d8" , "paragraphs" : [ "\\ud83d\\ude00\\/\\u00e9\\u0000" ] , "sections" : [ ] ,
          "indicators" : [ { "evidence" : "e", "kind" : "target", "name" : "n", "value" : null, "growth_pct" : -1.5E+2,
          "year" : -0, "headline": false } ], "parser_version" : "p", "title" : null, "sentences" : null } \n
        """
        let document = try ParsedDocument(wireBytes: Array(json.utf8))
        XCTAssertEqual(document.encoding, "utf-8")
        XCTAssertEqual(document.paragraphs, ["😀/é\u{0}"])
        XCTAssertEqual(document.indicators.first?.growthPct, -150)
        XCTAssertEqual(document.indicators.first?.year, 0)
        // Equal as numbers, but negative zero must stay negative so it is written back as -0.
        let zero = try ParsedDocument(wireBytes: Array(#"{"encoding":"e","indicators":[{"evidence":"e","kind":"actual","name":"n","value":-0}],"paragraphs":[],"parser_version":"p","sections":[]}"#.utf8))
        XCTAssertEqual(zero.indicators.first?.value?.sign, .minus)
        XCTAssertNil(document.title)
        XCTAssertEqual(document, try WireJSON.decoder.decode(ParsedDocument.self, from: Data(json.utf8)))
    }

    /// Valid JSON the fast reader declines, and JSON that is not valid: WireJSON answers as
    /// JSONDecoder does, value or error.
    func testDeclinedInputGetsJSONDecodersAnswer() throws {
        let base = #"{"encoding":"utf-8","indicators":[],"paragraphs":["段"],"parser_version":"p","sections":[]"#
        let cases: [[UInt8]] = [
            Array((base + #","reviewYear":2022}"#).utf8),                     // camelCase key
            Array((base + #","review_year":2022.0}"#).utf8),                  // integer written with a fraction
            Array((base + #","review_year":1e3}"#).utf8),
            Array((base + #","encoding":"gb18030"}"#).utf8),                  // duplicate key: the first wins
            Array((base + #","future_field":{"a":[1,2]}}"#).utf8),            // unknown key: ignored
            Array(("\u{FEFF}" + base + "}").utf8),                               // byte-order mark
            Array((base + #","review_year":99999999999999999999}"#).utf8),    // out of Int's range
            Array((base + #","title":"\ud83d"}"#).utf8),                       // lone surrogate
            Array(base.utf8) + [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "\""),
                                UInt8(ascii: ":"), UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\""), UInt8(ascii: "}")], // invalid UTF-8
            Array((base + ",\"title\":\"raw\ttab\"}").utf8),                    // raw control character
            Array((base + "}  x").utf8),                                         // trailing garbage
            Array(base.utf8),                                                    // cut short
            Array(#"{"encoding":"utf-8"}"#.utf8),                               // required fields missing
            Array((base + #","indicators":[{"evidence":"e","kind":"guess","name":"n"}]}"#).utf8), // unknown enum case
            Array((base + #","review_year":01}"#).utf8),                       // leading zero
            Array((base + #","review_year":null}"#).utf8),
        ]
        for (index, json) in cases.enumerated() {
            let codable = Result { try WireJSON.decoder.decode(ParsedDocument.self, from: Data(json)) }
            let wire = Result { try WireJSON.decode(ParsedDocument.self, from: json) }
            switch (codable, wire) {
            case (.success(let expected), .success(let value)): XCTAssertEqual(value, expected, "case \(index)")
            case (.failure(let expected), .failure(let error)): XCTAssertEqual("\(error)", "\(expected)", "case \(index)")
            default: XCTFail("case \(index): JSONDecoder gives \(codable), WireJSON \(wire)")
            }
        }
    }
}
