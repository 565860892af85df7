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

    public init(keywords: [Keyword], summary: [String], dictionary: String) {
        self.keywords = keywords
        self.summary = summary
        self.dictionary = dictionary
    }
}
