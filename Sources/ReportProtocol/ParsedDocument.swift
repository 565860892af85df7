/// What the parser recovers from one report: the data of `report.parsed`.
/// Fields the parser could not find are nil (JSON null), never invented.
public struct ParsedDocument: Codable, Sendable, Equatable {
    public var title: String?
    /// The region as written in the report, e.g. 延庆区.
    public var region: String?
    /// The year the report reviews (2022 in a report given in early 2023).
    public var reviewYear: Int?
    /// The year the report plans for.
    public var planYear: Int?
    public var speaker: String?
    /// YYYY-MM-DD.
    public var meetingDate: String?
    /// The source encoding that was detected, e.g. "utf-8", "gb18030", "utf-16le".
    public var encoding: String
    /// The clean text, one paragraph per element, headings included, in document order.
    public var paragraphs: [String]
    public var sections: [Section]
    public var indicators: [Indicator]
    /// Which parser produced this, for re-parsing after upgrades.
    public var parserVersion: String

    // Added with issue 4; optional so documents stored before them still decode.
    /// The region with its enclosing province or city, e.g. 北京市延庆区.
    public var regionFull: String?
    /// "province", "city", "district" or "county".
    public var regionLevel: String?
    /// The speaker's office as written, e.g. 区长, 代区长.
    public var speakerOffice: String?
    /// The meeting, e.g. 第三届人民代表大会第三次会议.
    public var session: String?
    /// Whether the text is a government work report at all, and why the parser thinks so.
    public var documentType: DocumentType?
    /// What the file was: "text", "html", "pdf" or "docx".
    public var sourceFormat: String?
    /// "simplified", or "traditional" when the text was converted for extraction.
    public var script: String?
    /// The paragraphs as written, when they differ from `paragraphs` (traditional script);
    /// element i is the original of `paragraphs[i]`.
    public var originalParagraphs: [String]?
    /// Every sentence of `paragraphs`, in order, split at 。！？； and their half-width forms,
    /// never at a line break: where it lies rather than a copy of its text, so the document
    /// does not carry its text twice.
    public var sentences: [SentenceSpan]?

    // Added with issue 12; optional, so the envelope's schema stays 1.
    /// The region's GB/T 2260 code (adcode) from the gazetteer, e.g. "110101" for 北京市东城区; nil
    /// for 全国 (the code table has no code for the country) and when a short name fits several
    /// units and the text does not say which.
    public var regionCode: String?
    /// How each metadata field was found, so a consumer can decide what to trust.
    public var metadataSources: MetadataSources?
    /// Where two cues disagreed (the title names one region, the date line another) and which was
    /// kept, in words; nil when they agreed.
    public var metadataNotes: [String]?
    /// The first year a term (换届) report reviews, e.g. 2013 for the State Council's 2018 report that
    /// looks back on 过去五年 before the last year; nil for a one-year review. `reviewYear` stays
    /// the last year.
    public var reviewFirstYear: Int?

    public init(title: String? = nil, region: String? = nil, reviewYear: Int? = nil, planYear: Int? = nil,
                speaker: String? = nil, meetingDate: String? = nil, encoding: String,
                paragraphs: [String], sections: [Section], indicators: [Indicator], parserVersion: String) {
        self.title = title
        self.region = region
        self.reviewYear = reviewYear
        self.planYear = planYear
        self.speaker = speaker
        self.meetingDate = meetingDate
        self.encoding = encoding
        self.paragraphs = paragraphs
        self.sections = sections
        self.indicators = indicators
        self.parserVersion = parserVersion
    }
}

/// One sentence: the scalars `start..<end` of `paragraphs[paragraphIndex]` (Unicode scalar
/// offsets, which is how Python indexes a `str`: `paragraphs[p][start:end]`).
public struct SentenceSpan: Codable, Sendable, Equatable {
    public var paragraphIndex: Int
    public var start: Int
    public var end: Int

    public init(paragraphIndex: Int, start: Int, end: Int) {
        self.paragraphIndex = paragraphIndex
        self.start = start
        self.end = end
    }
}

/// Is this a government work report, or a page that mentions or imitates one?
public struct DocumentType: Codable, Sendable, Equatable {
    public var isReport: Bool
    /// 0…1.
    public var confidence: Double
    /// The evidence, in words: "title 政府工作报告; review and plan sections; 9 indicators".
    public var reason: String

    public init(isReport: Bool, confidence: Double, reason: String) {
        self.isReport = isReport
        self.confidence = confidence
        self.reason = reason
    }
}

/// A heading and what lies under it.
public struct Section: Codable, Sendable, Equatable {
    /// The numbering as written (一、 （二） 1.), nil when the heading has none.
    public var number: String?
    public var title: String
    /// 1 for top-level sections.
    public var level: Int
    /// Index into `ParsedDocument.paragraphs` of the heading's own paragraph.
    public var paragraphIndex: Int
    /// Number of paragraphs from the heading up to the next heading of the same or a higher level.
    public var paragraphCount: Int
    public var children: [Section]

    public init(number: String?, title: String, level: Int, paragraphIndex: Int, paragraphCount: Int, children: [Section] = []) {
        self.number = number
        self.title = title
        self.level = level
        self.paragraphIndex = paragraphIndex
        self.paragraphCount = paragraphCount
        self.children = children
    }
}

/// One quantitative statement: 实现地区生产总值213亿元，增长4%.
public struct Indicator: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case actual, target }
    /// How a figure is bounded: 左右 (about), 以上/突破 (over), 以内/控制在 (under), 持平 (same),
    /// or a range 6%—6.5% (range: the figure is the low end, the `…High` field the high end).
    public enum Qualifier: String, Codable, Sendable { case about, over, under, same, range }
    /// Which way a target points when it gives no number: 单位国内生产总值能耗下降 (down),
    /// 居民收入增长和经济增长同步 (in_step).
    public enum Direction: String, Codable, Sendable {
        case up, down
        case inStep = "in_step"
    }

    public var name: String
    public var kind: Kind
    public var value: Double?
    public var unit: String?
    /// Percent; negative for 下降.
    public var growthPct: Double?
    public var qualifier: Qualifier?
    public var year: Int?
    /// Title of the top-level section the statement is in.
    public var section: String?
    /// The whole sentence the figure came from.
    public var evidence: String
    /// Added with issue 4: true for the parser's headline catalogue (地区生产总值, 一般公共预算收入…),
    /// false for any other quantitative statement (接待游客, 空气质量优良天数…); nil from older parsers,
    /// which found catalogued indicators only.
    public var headline: Bool?

    // Added with issue 12; optional, so documents stored before them still decode.
    /// The high end of a growth range (6.5%－7% → growth_pct 6.5, growth_pct_high 7, qualifier range).
    public var growthPctHigh: Double?
    /// The high end of an amount range (300—320亿元 → value 300, value_high 320).
    public var valueHigh: Double?
    /// How `value` is bounded when the text says so: 突破/超过/迈上5万亿元 → over; `qualifier`
    /// then speaks of the growth rate alone when there is one.
    public var valueQualifier: Qualifier?
    /// true for 预计: a figure estimated before the year's statistics were final.
    public var estimated: Bool?
    /// true when the report says it sets no such target (2020: 没有提出全年经济增速具体目标);
    /// the figures are then nil. Absent means only that nothing was said.
    public var notStated: Bool?
    /// A target's direction when it has no number (能耗下降, 居民收入增长和经济增长同步).
    public var direction: Direction?
    /// How the figure was found: "target_list" (the 主要预期目标 sentence), "review" or "plan"
    /// (the section it stands in), or "body" (outside any recognised section).
    public var source: String?

    public init(name: String, kind: Kind, value: Double? = nil, unit: String? = nil, growthPct: Double? = nil,
                qualifier: Qualifier? = nil, year: Int? = nil, section: String? = nil, evidence: String) {
        self.name = name
        self.kind = kind
        self.value = value
        self.unit = unit
        self.growthPct = growthPct
        self.qualifier = qualifier
        self.year = year
        self.section = section
        self.evidence = evidence
    }
}
