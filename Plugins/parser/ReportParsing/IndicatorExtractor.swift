import ChineseText
import ReportProtocol

/// Finds quantitative statements, sentence by sentence: the catalogued headline indicators
/// first, then every other figure with a name and a unit (`QuantityStatements`).
/// A figure belongs to the indicator named before it in the same clause (clauses end at ；),
/// up to the next subject; "A和B分别增长x%和y%" pairs names and figures in order.
struct IndicatorExtractor {
    let paragraphs: [String]
    let outline: SectionOutline
    let timeline: ReportTimeline

    static let targetCues = ["预期目标", "目标是", "目标为", "力争", "预期"].map(\.scalarArray)

    func extract() -> [Indicator] {
        var indicators = [Indicator]()
        for (p, paragraph) in paragraphs.enumerated() where !outline.headingParagraphs.contains(p) {
            let top = outline.topLevelIndex[p]
            let role = top.flatMap { timeline.roles[$0] }
            let sectionTitle = top.map { outline.sections[$0].title }
            // Every statement needs a digit, except "与上年持平": most paragraphs of prose go no further.
            guard paragraph.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || paragraph.containsBytes(of: "持平") else { continue }
            for sentence in SentenceSplitter.sentenceScalars(in: paragraph.unicodeScalarArray, semicolons: false) {
                let text = ScalarText(scalars: sentence)
                var sentenceKind: Indicator.Kind?
                for clause in clauses(of: text) {
                    let catalogued = statements(in: text, clause: clause)
                    let others = QuantityStatements(text: text).read(clause: clause, taken: catalogued.taken)
                    let found = catalogued.found.map { ($0.0, $0.1, true) } + others.map { ($0.0, $0.1, false) }
                    if found.isEmpty { continue }
                    // The clause is the evidence: in "预期目标是：A增长6%；B增长3.5%；…" each figure
                    // has its own; the kind is read from the whole sentence.
                    let evidence = text.string(clause.lowerBound..<min(clause.upperBound + 1, text.count))
                    let kind = sentenceKind ?? kind(of: text, role: role)
                    sentenceKind = kind
                    let year = kind == .actual ? timeline.reviewYear : timeline.planYear
                    for (name, figures, headline) in found {
                        var indicator = Indicator(name: name, kind: kind, value: figures.value, unit: figures.unit,
                                                  growthPct: figures.growthPct, qualifier: figures.qualifier,
                                                  year: year, section: sectionTitle, evidence: evidence)
                        indicator.headline = headline
                        if !indicators.contains(where: { $0.sameFigure(as: indicator) }) { indicators.append(indicator) }
                    }
                }
            }
        }
        return indicators
    }

    /// A target when the sentence says so (预期目标, 力争); otherwise by where it stands:
    /// the review reports actual figures, the plan sets targets. Outside any section a
    /// sentence naming the plan year is a target.
    func kind(of sentence: ScalarText, role: ReportTimeline.Role?) -> Indicator.Kind {
        if Self.targetCues.contains(where: { sentence.find($0, in: 0..<sentence.count) != nil }) { return .target }
        switch role {
        case .review: return .actual
        case .plan:
            let years = Set(sentence.years(in: 0..<sentence.count).map(\.year))
            if let review = timeline.reviewYear, years.contains(review), !years.contains(review + 1) { return .actual }
            return .target
        case nil:
            let years = Set(sentence.years(in: 0..<sentence.count).map(\.year))
            if let plan = timeline.planYear, years.contains(plan) { return .target }
            return .actual
        }
    }

    func clauses(of text: ScalarText) -> [Range<Int>] {
        var result = [Range<Int>]()
        var start = 0
        for (i, c) in text.s.enumerated() where c == "；" || c == ";" {
            result.append(start..<i)
            start = i + 1
        }
        result.append(start..<text.count)
        return result.filter { !$0.isEmpty }
    }

    /// Name matches in the clause, in order.
    func mentions(in text: ScalarText, clause: Range<Int>) -> [(name: String, definition: IndicatorDefinition, start: Int, end: Int)] {
        var found = [(name: String, definition: IndicatorDefinition, start: Int, end: Int)]()
        var i = clause.lowerBound
        while i < clause.upperBound {
            // Most positions start no name: one comparison per distinct first character rejects them.
            guard IndicatorCatalog.firstScalars.contains(text.s[i]),
                  let (spelling, definition) = IndicatorCatalog.spellings.first(where: {
                text.matches($0.spelling, at: i) && i + $0.spelling.count <= clause.upperBound
            }) else { i += 1; continue }
            let prefix = definition.distinctPrefixes.first { text.hasSuffix($0.scalarArray, endingAt: i) }
            found.append(((prefix ?? "") + definition.name, definition, i, i + spelling.count))
            i += spelling.count
        }
        return found
    }

    /// The catalogued indicators' figures in the clause, and the spans they were read from, so
    /// that no figure is read a second time as a statement of its own.
    func statements(in text: ScalarText, clause: Range<Int>) -> (found: [(String, FigureReader.Figures)], taken: [Range<Int>]) {
        let found = mentions(in: text, clause: clause)
        if let respectively = RespectivelyClause(text: text, clause: clause, mentions: found.map { ($0.name, $0.start, $0.end) }) {
            return (respectively.pairs, [clause])
        }
        var result = [(String, FigureReader.Figures)]()
        var taken = [Range<Int>]()
        for (k, mention) in found.enumerated() {
            let nextName = k + 1 < found.count ? found[k + 1].start : clause.upperBound
            let end = subjectBoundary(in: text, from: mention.end, limit: nextName)
            let figures = FigureReader(text: text, span: mention.end..<end).read(mention.definition.measure)
            if !figures.isEmpty { result.append((mention.name, figures)) }
            taken.append(mention.start..<end)
        }
        return (result, taken)
    }

    func subjectBoundary(in text: ScalarText, from start: Int, limit: Int) -> Int {
        var end = limit
        for word in IndicatorCatalog.subjectBoundaries {
            if let hit = text.find(word.scalarArray, in: start..<end) { end = hit }
        }
        return end
    }
}

extension Indicator {
    /// The same statement found twice (a web page repeating its opening, say).
    func sameFigure(as other: Indicator) -> Bool {
        name == other.name && kind == other.kind && value == other.value && unit == other.unit
            && growthPct == other.growthPct && qualifier == other.qualifier
    }
}
