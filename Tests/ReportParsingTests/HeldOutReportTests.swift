import Foundation
import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// The held-out reports (Tests/Fixtures/heldout): texts written without reading the rules, by
/// how governments write them, each with every metadata field and headline figure it states
/// in expected.json. Every stated value must come out as written, a field the text does not
/// state must stay nil, and no second figure of an indicator may contradict the text's (another
/// city's 经济总量, a five-year goal). `scripts/heldout-score.py` tabulates the same check.
final class HeldOutReportTests: XCTestCase {
    private static let parser = ReportParser()
    private static let metadataFields = ["region", "region_full", "region_code", "region_level", "review_year", "plan_year",
                                         "review_first_year", "speaker", "speaker_office", "meeting_date"]

    func testAProvinceWithABracketedDateLineAndASpeakerLineWithTwoSpacesIsReadAsWritten() throws {
        try assertReadsAsWritten("guangdong_2024.txt")
    }

    func testAHardWrappedProvincialTextWithAPageNumberIsReadAsWritten() throws {
        try assertReadsAsWritten("zhejiang_2025.txt")
    }

    func testAGBKProvincialReportOfAnActingGovernorIsReadAsWritten() throws {
        try assertReadsAsWritten("sichuan_2025.gbk.txt")
    }

    func testAnAutonomousRegionsChairmanWithoutTheWordGovernmentIsItsSpeaker() throws {
        try assertReadsAsWritten("neimenggu_2024.txt")
    }

    func testAPrefectureLevelCityWithItsSpeakerBeforeTheDateLineIsReadAsWritten() throws {
        try assertReadsAsWritten("suzhou_2024.txt")
    }

    func testAnAutonomousPrefectureAndItsGovernorAreReadAsWritten() throws {
        try assertReadsAsWritten("yanbian_2024.txt")
    }

    func testACountyWhoseDateLineIsSplitInsideTheCongressNameIsReadAsWritten() throws {
        try assertReadsAsWritten("anji_2024.txt")
    }

    func testACountyLevelCitysEstimatesAndActingMayorAreReadAsWritten() throws {
        try assertReadsAsWritten("kunshan_2025.txt")
    }

    func testABannerAndItsHeadAreReadAsWritten() throws {
        try assertReadsAsWritten("yijinhuoluo_2024.txt")
    }

    func testAShanghaiNewAreaWithASentenceOfEstimatesIsReadAsWritten() throws {
        try assertReadsAsWritten("pudong_2025.txt")
    }

    func testADistrictNameTwoCitiesShareIsSettledByTheCityBeforeIt() throws {
        try assertReadsAsWritten("nanshan_2024.txt")
    }

    func testTheNationalReportOf2020SetsNoGDPTarget() throws {
        try assertReadsAsWritten("national_2020.txt")
    }

    func testATraditionalScriptNationalTermReportIsReadAsWritten() throws {
        try assertReadsAsWritten("national_2023.trad.txt")
    }

    func testANewsAgencyDatelineAndAPhotoCaptionAreNotTheMeeting() throws {
        try assertReadsAsWritten("national_2024.txt")
    }

    func testADistrictNamedOnlyInTheOpeningWithNoYearInTheHeadingsIsReadAsWritten() throws {
        try assertReadsAsWritten("wuhou_2024.txt")
    }

    func testADateOnTheLineAfterTheMeetingAndAGrowthRangeTargetAreReadAsWritten() throws {
        try assertReadsAsWritten("yiwu_2025.txt")
    }

    func testAnExactFigureAfterARoundMarkInAnotherUnitIsTheValueAndOtherCitiesFiguresAreNotTheProvinces() throws {
        try assertReadsAsWritten("hunan_2024.txt")
    }

    func testAnAutonomousCountyWithBareProductionTotalIsReadAsWritten() throws {
        try assertReadsAsWritten("weishan_2024.txt")
    }

    func testANationalReportFlattenedToOneLineKeepsItsSpeakerAndDate() throws {
        try assertReadsAsWritten("national_2019.oneline.txt")
    }

    func testAFiveYearPlansTargetListOnAWebPageIsNoTargetOfTheYear() throws {
        try assertReadsAsWritten("national_2021.html")
    }

    func testAnExcerptWithoutHeaderTakesItsDistrictFromTheOpeningAndInventsNoSpeakerOrDate() throws {
        try assertReadsAsWritten("minhang_2025_excerpt.txt")
    }

    func testAMunicipalityWithADateInChineseNumeralsIsReadAsWritten() throws {
        try assertReadsAsWritten("chongqing_2024.txt")
    }

    func testACitysGrowthAtComparablePricesAndAnAmbitionBeyondTheTargetAreReadAsWritten() throws {
        try assertReadsAsWritten("shijiazhuang_2024.txt")
    }

    func testAProvincialTermReportGivesTheLastYearsGDPWithItsGrowthFirst() throws {
        try assertReadsAsWritten("jiangsu_2023.txt")
    }

    func testACountyLevelCityThatIsNowADistrictAndTheRevenuesOldNameAreReadAsWritten() throws {
        try assertReadsAsWritten("zhangqiu_2015.txt")
    }

    func testABodyExcerptNamingManyOtherCitiesGetsNoRegion() throws {
        try assertReadsAsWritten("ningbo_excerpt.txt")
    }

    func testATargetListOneNumberedItemALineIsReadAsWritten() throws {
        try assertReadsAsWritten("changxing_2024.txt")
    }

    func testFullWidthDigitsAndDecimalPointsInATianjinNewAreaReportAreRead() throws {
        try assertReadsAsWritten("binhai_2025.txt")
    }

    func testAnAutonomousRegionsEstimatedGDPWithTwoBoundsIsReadAsWritten() throws {
        try assertReadsAsWritten("guangxi_2025.txt")
    }

    func testADecemberMeetingPlansForTheNextYearAndAnAmountTargetKeepsItsBound() throws {
        try assertReadsAsWritten("tonglu_2025.txt")
    }

    func testACityNamedOnlyInTheTitleWithAGrowthRangeWrittenWithZhiIsReadAsWritten() throws {
        try assertReadsAsWritten("harbin_2024.txt")
    }

    func testAFullerProvincialReportKeepsPerHeadOtherCitiesTermAndFutureFiguresOutOfItsOwn() throws {
        try assertReadsAsWritten("fujian_2024.txt")
    }

    func testAProvincesReportPrintedToPDFByLibreOfficeIsReadAsWritten() throws {
        try assertReadsAsWritten("guangdong_2024.lo.pdf")
    }

    func testAPDFWhoseLinesBreakInsideFiguresIsReadAsWritten() throws {
        try assertReadsAsWritten("hunan_2024.lo.pdf")
    }

    /// A copy that lost its line breaks (`tr -d '\n'`) must say the same. A term report's review
    /// figures are the exception (docs/PARSING.md, known limits): in one paragraph the term's
    /// opening (报告过去五年政府工作) cannot be told from the last year's sentences, so they are left
    /// out rather than given a year, and only the targets are compared.
    func testEveryHeldOutTextFlattenedToOneLineSaysTheSame() throws {
        for (file, want) in try Self.expected() where file.hasSuffix(".txt") && !file.contains(".gbk.") {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            let isTerm = (want["metadata"] as? [String: Any])?["review_first_year"] != nil
            try assertReadsAsWritten(file, bytes: Array(flat.utf8), kinds: isTerm ? ["target"] : ["actual", "target"])
        }
    }

    func testEveryHeldOutFileHasItsExpectedValues() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0 != "expected.json" && $0 != "README.md" }
        XCTAssertEqual(Set(files), Set(try Self.expected().keys),
                       "every file in Tests/Fixtures/heldout needs its values in expected.json, and every entry its file")
    }

    // MARK: - Checking

    private static var folder: URL { Repository.fixtures.appendingPathComponent("heldout") }

    private static func expected() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    /// The document as the wire's JSON object, so the expected values use the names consumers see.
    private static func parsed(_ file: String, bytes: [UInt8]) throws -> [String: Any] {
        let document = try parser.parse(bytes: bytes, fileName: file)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(WireJSON.encode(document))) as? [String: Any])
    }

    private func assertReadsAsWritten(_ file: String, bytes: [UInt8]? = nil, kinds: [String] = ["actual", "target"],
                                      line: UInt = #line) throws {
        let want = try XCTUnwrap(Self.expected()[file], "\(file) has no entry in expected.json", line: line)
        let document = try Self.parsed(file, bytes: bytes ?? Array(Data(contentsOf: Self.folder.appendingPathComponent(file))))
        let metadata = try XCTUnwrap(want["metadata"] as? [String: Any])
        for field in Self.metadataFields {
            // A field the text does not state must stay nil: nothing is invented.
            XCTAssertTrue(same(metadata[field], document[field]), "\(file): \(field) is \(String(describing: document[field])), "
                          + "the text says \(String(describing: metadata[field]))", line: line)
        }
        let indicators = document["indicators"] as? [[String: Any]] ?? []
        for kind in kinds {
            let figures = try XCTUnwrap(want[kind] as? [String: [String: Any]])
            for (name, fields) in figures {
                let found = indicators.filter { $0["name"] as? String == name && $0["kind"] as? String == kind }
                let figure = found.first { $0["source"] as? String == "target_list" } ?? found.first
                let got = try XCTUnwrap(figure, "\(file): no \(kind) \(name)", line: line)
                for (key, value) in fields {
                    XCTAssertTrue(same(value, got[key]), "\(file): \(kind) \(name).\(key) is \(String(describing: got[key])), "
                                  + "the text says \(value)", line: line)
                }
                // A bound, range or flag the text does not state must not be there; a bare value's
                // bound is in both `qualifier` and `value_qualifier` (docs/PARSING.md).
                let twin = ["qualifier": "value_qualifier", "value_qualifier": "qualifier"]
                for key in ["qualifier", "value_qualifier", "growth_pct_high", "value_high", "not_stated", "estimated"]
                where fields[key] == nil {
                    let stated = fields["growth_pct"] == nil ? twin[key].flatMap { fields[$0] } : nil
                    let value = got[key]
                    XCTAssertTrue(value == nil || value as? Bool == false || same(stated, value),
                                  "\(file): \(kind) \(name).\(key) is \(String(describing: value)), which the text does not say",
                                  line: line)
                }
                // No second figure of it contradicting the text's (another place's, another time's).
                for other in found {
                    XCTAssertTrue(fields.allSatisfy { same($0.value, other[$0.key]) },
                                  "\(file): a second \(kind) \(name) figure: \(other["evidence"] ?? "")", line: line)
                }
            }
        }
    }

    private func same(_ expected: Any?, _ actual: Any?) -> Bool {
        switch (expected, actual) {
        case (nil, nil), (is NSNull, nil), (nil, is NSNull): true
        case let (e as NSNumber, a as NSNumber): abs(e.doubleValue - a.doubleValue) < 1e-9
        case let (e as String, a as String): e == a
        default: false
        }
    }
}
