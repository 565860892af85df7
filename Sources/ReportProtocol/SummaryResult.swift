/// The summarizer's result: the data of `report.summarized`.
public struct SummaryResult: Codable, Sendable, Equatable {
    public struct Keyword: Codable, Sendable, Equatable {
        public var term: String
        public var weight: Double
        public init(term: String, weight: Double) {
            self.term = term
            self.weight = weight
        }
    }

    public var keywords: [Keyword]
    /// Whole sentences of the report, in document order.
    public var summary: [String]
    /// Which dictionaries segmented the text, e.g. "jieba-dict.txt sha256:…, domain 3".
    public var dictionary: String

    /// One sentence for each top-level section, in document order; absent from older summarizers.
    public var sectionSummaries: [SectionSummary]?
    /// The headline figures: the first actual and the first target of each indicator the parser
    /// found, actuals first, each group in document order; absent from older summarizers.
    public var indicatorDigest: [Indicator]?

    /// The most central whole sentence of one top-level section; nil when the section has none.
    public struct SectionSummary: Codable, Sendable, Equatable {
        public var title: String
        public var sentence: String?
        public init(title: String, sentence: String?) {
            self.title = title
            self.sentence = sentence
        }
    }

    public init(keywords: [Keyword], summary: [String], dictionary: String,
                sectionSummaries: [SectionSummary]? = nil, indicatorDigest: [Indicator]? = nil) {
        self.keywords = keywords
        self.summary = summary
        self.dictionary = dictionary
        self.sectionSummaries = sectionSummaries
        self.indicatorDigest = indicatorDigest
    }
}
