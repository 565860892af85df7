import ReportProtocol

/// The figures of one paragraph as they are read, each with the sentence it came from, so
/// that a level and a rate stated apart can be joined (`LevelAndGrowth`). A figure already
/// found (a web page repeating its opening) is not added twice.
struct ParagraphFigures {
    /// The figures of the report so far, this paragraph's included.
    private(set) var seen: Set<Indicator.FigureKey>
    /// How the sentence being read was found: target_list, review, plan or body.
    var source = "body"
    private(set) var found = [(indicator: Indicator, sentence: Int)]()

    init(seen: Set<Indicator.FigureKey>) {
        self.seen = seen
    }

    mutating func add(_ indicator: Indicator, sentence: Int) {
        var indicator = indicator
        indicator.source = source
        guard seen.insert(indicator.figureKey).inserted else { return }
        found.append((indicator, sentence))
    }

    /// Whether the sentence before `sentence` ended with a headline level and no rate.
    func awaitsRate(sentence: Int) -> Bool {
        guard let last = found.last, last.sentence == sentence - 1 else { return false }
        return last.indicator.headline == true && last.indicator.value != nil && last.indicator.growthPct == nil
    }

    /// "全省生产总值达到5.67万亿元。比上年增长5%。": a sentence opening with a rate and no
    /// subject gives it to the headline level the sentence before ended with.
    mutating func giveLeadingGrowth(_ growth: FigureReader.Figures, sentence: Int, evidence: String) {
        guard awaitsRate(sentence: sentence), let last = found.indices.last else { return }
        var indicator = found[last].indicator
        indicator.growthPct = growth.growthPct
        indicator.growthPctHigh = growth.growthPctHigh
        indicator.qualifier = growth.qualifier
        indicator.evidence += evidence
        found[last].indicator = indicator
    }
}
