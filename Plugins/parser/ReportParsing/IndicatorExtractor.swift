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
    /// Names another place's figures (长沙市经济总量…) so they are not taken for the report's.
    let anotherPlace: AnotherPlace

    static let goal = "目标".scalarArray
    static let respectively = "分别".scalarArray
    /// The target list's opening sentence and the two after it at most.
    static let listSentences = 3
    static let targetCues = ["预期目标", "目标是", "目标为", "力争", "预期"].map(\.scalarArray)
    /// Outside the plan, a target cue after these words looks back at last year's target
    /// (城镇新增就业1312万人，超过全年预期目标): the sentence still reports what happened.
    static let pastTargetVerbs = ["超过", "完成", "实现", "好于", "高于", "低于", "达到", "超额"].map(\.scalarArray)

    func extract() -> [Indicator] {
        var indicators = [Indicator]()
        var seen = Set<Indicator.FigureKey>()
        for (p, paragraph) in paragraphs.enumerated() where !outline.headingParagraphs.contains(p) {
            // Every statement needs a digit, except "与上年持平", a round mark (突破万亿元) and what
            // is said of targets: most paragraphs of prose go no further.
            let statesFigures = paragraph.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || paragraph.containsBytes(of: "持平")
                || paragraph.containsBytes(of: "万亿元") || paragraph.containsBytes(of: "千亿元")
            guard statesFigures || paragraph.containsBytes(of: "目标") else { continue }
            let top = outline.topLevelIndex[p]
            indicators += read(paragraph, role: top.flatMap { timeline.roles[$0] }, section: top.map { outline.sections[$0].title },
                               statesFigures: statesFigures, seen: &seen)
        }
        return LevelAndGrowth.withoutRestatedLevels(LevelAndGrowth.joinedInSections(indicators))
    }

    /// Where a sentence stands and what governs its figures.
    struct SentenceContext {
        let text: ScalarText
        let role: ReportTimeline.Role?
        let section: String?
        /// A term's sentence or another year's (`FigureScope`).
        let otherTime: Bool
        let estimates: Estimates
    }

    /// One paragraph's figures, sentence by sentence. The main target list runs from its cue
    /// over the sentences that go on listing targets (2015: "…同步。能耗强度下降3.1%以上，
    /// 主要污染物排放继续减少。"), two at most, ending at the first that states none or at the
    /// paragraph's end, so a text flattened to one line does not make the rest of it the list.
    private func read(_ paragraph: String, role: ReportTimeline.Role?, section: String?, statesFigures: Bool,
                      seen: inout Set<Indicator.FigureKey>) -> [Indicator] {
        var figures = ParagraphFigures(seen: seen)
        defer { seen = figures.seen }
        var listSentencesLeft = 0
        let sentences = SentenceSplitter.sentenceScalars(in: paragraph.unicodeScalarArray, semicolons: false)
        let termParagraph = FigureScope.isTermParagraph(Array(sentences.prefix(2)), inTermSection: FigureScope.isTermSection(section),
                                                        reviewYear: timeline.reviewYear, planYear: timeline.planYear)
        for (n, sentence) in sentences.enumerated() {
            let text = ScalarText(scalars: sentence)
            // Both the target list and a target set as none say 目标: one search spares the rest.
            let speaksOfTargets = text.find(Self.goal, in: 0..<text.count) != nil
            let listStart = speaksOfTargets ? TargetStatements.listStart(in: text) : nil
            let opensList = listStart.map { !isPastTarget(in: text, cueAt: $0) } ?? false
            if opensList { listSentencesLeft = Self.listSentences }
            let inTargetList = listSentencesLeft > 0
            let foundBefore = figures.found.count
            // A term's totals and goals are no year's figure: the headline ones are left out
            // (a wrong year poisons every comparison), the others keep no year.
            // A target list is the plan year's, unless it stands in a term's section and its paragraph
            // is the term's (2021: “十四五”时期经济社会发展主要目标是：…城镇调查失业率控制在5.5%以内).
            let termScope = termParagraph && (!inTargetList || FigureScope.isTermSection(section))
                && !FigureScope.opensOnItsYear(text, reviewYear: timeline.reviewYear, planYear: timeline.planYear)
            let otherTime = termScope || FigureScope.namesTerm(text)
                || FigureScope.namesAnotherYear(text, reviewYear: timeline.reviewYear, planYear: timeline.planYear)
            let context = SentenceContext(
                text: text, role: role, section: section, otherTime: otherTime,
                estimates: Estimates(text: text, firstName: { mentions(in: text, clause: 0..<text.count).first?.start }))
            figures.source = inTargetList ? "target_list" : role.map { $0 == .review ? "review" : "plan" } ?? "body"
            if speaksOfTargets, let none = growthTargetSetAsNone(context) { figures.add(none, sentence: n) }
            if figures.awaitsRate(sentence: n), let growth = FigureReader(text: text, span: 0..<text.count).leadingGrowth() {
                figures.giveLeadingGrowth(growth, sentence: n, evidence: text.string(0..<text.count))
            }
            if statesFigures {
                for indicator in statedFigures(context, kind: inTargetList ? .target : nil) { figures.add(indicator, sentence: n) }
            }
            if inTargetList {
                for (name, direction) in TargetStatements.directions(in: text, from: opensList ? (listStart ?? 0) : 0) {
                    var indicator = Indicator(name: name, kind: .target, year: timeline.planYear, section: section,
                                              evidence: text.string(0..<text.count))
                    indicator.headline = IndicatorCatalog.isCatalogued(name)
                    indicator.direction = direction
                    figures.add(indicator, sentence: n)
                }
            }
            listSentencesLeft = opensList || figures.found.count > foundBefore ? listSentencesLeft - 1 : 0
        }
        return LevelAndGrowth.joined(figures.found)
    }

    /// "我们没有提出全年经济增速具体目标" in the plan: the GDP growth target, stated as none.
    /// Recalled in the review or of 去年, it is not this year's.
    private func growthTargetSetAsNone(_ context: SentenceContext) -> Indicator? {
        let text = context.text
        guard context.role != .review, text.find("去年".scalarArray, in: 0..<text.count) == nil,
              TargetStatements.statesNoGrowthTarget(text) else { return nil }
        var none = Indicator(name: IndicatorCatalog.gdp, kind: .target, year: timeline.planYear, section: context.section,
                             evidence: text.string(0..<text.count))
        none.headline = true
        none.notStated = true
        return none
    }

    /// The figures each clause states, catalogued ones first. `kind` is the target list's, or
    /// nil to read it from the sentence.
    private func statedFigures(_ context: SentenceContext, kind listKind: Indicator.Kind?) -> [Indicator] {
        let text = context.text
        var result = [Indicator]()
        var sentenceKind = listKind
        for clause in clauses(of: text) {
            let catalogued = statements(in: text, clause: clause, inTargetList: listKind != nil)
            let others = QuantityStatements(text: text).read(clause: clause, taken: catalogued.taken)
            let found = catalogued.found.map { ($0.0, $0.1, true) } + others.map { ($0.0, $0.1, false) }
            if found.isEmpty { continue }
            // The clause is the evidence: in "预期目标是：A增长6%；B增长3.5%；…" each figure
            // has its own; the kind is read from the whole sentence.
            let evidence = text.string(clause.lowerBound..<min(clause.upperBound + 1, text.count))
            let kind = sentenceKind ?? kind(of: text, role: context.role)
            sentenceKind = kind
            let year = kind == .actual ? timeline.reviewYear : timeline.planYear
            // A level a term "came to" (从54万亿元增加到82.7万亿元) is the last year's.
            for (name, figures, headline) in found where !(context.otherTime && headline && !figures.reachedLevel) {
                var indicator = Indicator(name: name, kind: kind, value: figures.value, unit: figures.unit,
                                          growthPct: figures.growthPct, qualifier: figures.qualifier,
                                          year: context.otherTime && !headline ? nil : year, section: context.section, evidence: evidence)
                indicator.headline = headline
                indicator.valueHigh = figures.valueHigh
                indicator.growthPctHigh = figures.growthPctHigh
                indicator.valueQualifier = figures.value == nil ? nil : figures.valueQualifier
                if let start = figures.start, context.estimates.govern(start) { indicator.estimated = true }
                result.append(indicator)
            }
        }
        return result
    }

    /// A target when the sentence says so (预期目标, 力争); otherwise by where it stands:
    /// the review reports actual figures, the plan sets targets. Outside any section a
    /// sentence naming the plan year is a target.
    func kind(of sentence: ScalarText, role: ReportTimeline.Role?) -> Indicator.Kind {
        for cue in Self.targetCues {
            guard let at = sentence.find(cue, in: 0..<sentence.count) else { continue }
            if role != .plan, isPastTarget(in: sentence, cueAt: at) { continue }
            return .target
        }
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

    /// "圆满实现全年经济社会发展主要预期目标", "超过全年预期目标": last year's target looked back on.
    func isPastTarget(in sentence: ScalarText, cueAt at: Int) -> Bool {
        let lookBack = max(0, at - 12)..<at
        return Self.pastTargetVerbs.contains { sentence.find($0, in: lookBack) != nil }
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
            defer { i += spelling.count }
            if isModifier(in: text, at: i, spelling: spelling) { continue }
            if anotherPlace.names(in: text, before: i) { continue }
            // 农村常住居民人均可支配收入 is 农村居民's: 常住 (resident) may stand between the prefix and the name.
            let prefix = definition.distinctPrefixes.first {
                text.hasSuffix($0.scalarArray, endingAt: i) || text.hasSuffix(($0 + "常住").scalarArray, endingAt: i)
            }
            found.append(((prefix ?? "") + definition.name, definition, i, i + spelling.count))
        }
        return found
    }

    /// A name that is part of another measure's name (人均地区生产总值, 单位国内生产总值能耗,
    /// 国内生产总值比重), or bare 生产总值/经济总量/经济规模 after a sector's name (工业生产总值,
    /// 数字经济规模): not the indicator.
    func isModifier(in text: ScalarText, at i: Int, spelling: [Unicode.Scalar]) -> Bool {
        let end = i + spelling.count
        if IndicatorCatalog.modifierBefore.contains(where: { text.hasSuffix($0, endingAt: i) }) { return true }
        if IndicatorCatalog.modifierAfter.contains(where: { text.matches($0, at: end) }) { return true }
        if IndicatorCatalog.bareGDPSpellings.contains(spelling), i > 0, ScalarClass.isHan(text.s[i - 1]),
           !IndicatorCatalog.bareGDPAfter.contains(text.s[i - 1]) { return true }
        return false
    }

    /// The catalogued indicators' figures in the clause, and the spans they were read from, so
    /// that no figure is read a second time as a statement of its own.
    func statements(in text: ScalarText, clause: Range<Int>, inTargetList: Bool = false)
        -> (found: [(String, FigureReader.Figures)], taken: [Range<Int>]) {
        var found = mentions(in: text, clause: clause)
        if inTargetList, !found.contains(where: { $0.name == IndicatorCatalog.gdp }), let economy = economicGrowthItem(in: text, clause: clause) {
            found.append(economy)
            found.sort { $0.start < $1.start }
        }
        if let respectively = RespectivelyClause(text: text, clause: clause, mentions: found.map { ($0.name, $0.start, $0.end) }) {
            return (respectively.pairs, [clause])
        }
        var result = [(String, FigureReader.Figures)]()
        var taken = [Range<Int>]()
        for (k, mention) in found.enumerated() {
            let nextName = k + 1 < found.count ? found[k + 1].start : clause.upperBound
            let end = subjectBoundary(in: text, from: mention.end, limit: nextName)
            taken.append(mention.start..<end)
            // "城乡居民人均可支配收入分别达到74997元和40311元": one name, two groups' figures,
            // neither of them the name's own. Nothing is read rather than the first.
            if text.find(Self.respectively, in: mention.end..<end) != nil { continue }
            let figures = FigureReader(text: text, span: mention.end..<end).read(mention.definition)
            if !figures.isEmpty { result.append((mention.name, figures)) }
        }
        return (result, taken)
    }

    static let economicGrowth = "经济增长".scalarArray

    /// In the main target list, `经济增长5%左右` is the GDP growth target written without GDP's
    /// name (`主要目标是：经济增长5%左右，城镇调查失业率5.5%以内`): 经济增长 directly followed by a
    /// figure, opening an item or after a region word (全市经济增长), not 数字经济增长 or
    /// 居民收入增长和经济增长同步. Its reading starts at 增长.
    func economicGrowthItem(in text: ScalarText, clause: Range<Int>) -> (name: String, definition: IndicatorDefinition, start: Int, end: Int)? {
        guard let at = text.find(Self.economicGrowth, in: clause), at + 4 < clause.upperBound,
              ScalarClass.isASCIIDigit(text.s[at + 4]),
              at == clause.lowerBound || !ScalarClass.isHan(text.s[at - 1]) || IndicatorCatalog.bareGDPAfter.contains(text.s[at - 1]),
              let gdp = IndicatorCatalog.definitions.first(where: { $0.name == IndicatorCatalog.gdp }) else { return nil }
        return (IndicatorCatalog.gdp, gdp, at, at + 2)
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
    /// What makes two statements the same figure (a web page repeating its opening, say):
    /// hashed, so a report's hundreds of figures are not compared pairwise.
    struct FigureKey: Hashable {
        let name: String
        let kind: Kind
        let value: Double?
        let unit: String?
        let growthPct: Double?
        let qualifier: Qualifier?
        let growthPctHigh: Double?
        let valueHigh: Double?
        let notStated: Bool?
        let direction: Direction?
    }

    var figureKey: FigureKey {
        FigureKey(name: name, kind: kind, value: value, unit: unit, growthPct: growthPct, qualifier: qualifier,
                  growthPctHigh: growthPctHigh, valueHigh: valueHigh, notStated: notStated, direction: direction)
    }
}
