import Foundation

/// The paragraph of a matching report that a hit shows, chosen from the report's stored
/// paragraphs (only for the few reports a search looks at), and the section filter's check.
///
/// `report_rank` ranks whole reports; within one, paragraphs are ranked with BM25 over that report's
/// paragraphs in scope: a paragraph holding the rarer terms more often, for its length, wins.
/// Ties go to the earlier paragraph.
struct ParagraphChoice {
    let paragraph: Int

    /// nil when no paragraph in scope matches a positive term, or, with a section filter, when
    /// the paragraphs in that section do not satisfy the query (a group without a term, or an
    /// excluded term present): the report-level match then does not hold within the section.
    init?(in report: StoredParagraphs, patterns: QueryPatterns, scope: SearchScope) {
        let inScope = (0..<report.count).filter {
            scope.includes(section: report.section($0), topSection: report.topSection($0))
        }
        guard !inScope.isEmpty else { return nil }
        // occurrences[term][k]: how often positive term `term` occurs in paragraph inScope[k].
        let occurrences: [[Int]] = patterns.positive.map { pattern in
            let counts = pattern.occurrences(in: report)
            return inScope.map { counts[$0] }
        }
        if scope.section != nil {
            guard Self.holds(patterns, occurrences, in: report, inScope) else { return nil }
        }
        let lengths = inScope.map { Double(report.ranges[$0].count) }
        let bm25 = BM25(averageLength: lengths.reduce(0, +) / Double(lengths.count))
        let weights = occurrences.map { counts -> Double in
            let withTerm = Double(counts.filter { $0 > 0 }.count)
            return log(1 + (Double(inScope.count) - withTerm + 0.5) / (withTerm + 0.5))
        }
        var bestScore = 0.0
        var best: Int?
        for position in inScope.indices {
            var score = 0.0
            for term in occurrences.indices where occurrences[term][position] > 0 {
                let frequency = Double(occurrences[term][position])
                score += weights[term] * bm25.termWeight(frequency: frequency, length: lengths[position])
            }
            if score > bestScore {
                bestScore = score
                best = position
            }
        }
        guard let best else { return nil }
        paragraph = inScope[best]
    }

    /// Every required group has a term somewhere in scope, and no excluded term is in scope.
    private static func holds(_ patterns: QueryPatterns, _ occurrences: [[Int]], in report: StoredParagraphs,
                              _ inScope: [Int]) -> Bool {
        for group in patterns.groups where !group.contains(where: { occurrences[$0].contains { $0 > 0 } }) {
            return false
        }
        return !patterns.excluded.contains { pattern in
            let counts = pattern.occurrences(in: report)
            return inScope.contains { counts[$0] > 0 }
        }
    }
}

/// The query's terms as `TermPattern`s: the positive ones in order, each required group as
/// indices into them, and the exclusions.
struct QueryPatterns {
    let positive: [TermPattern]
    let groups: [[Int]]
    let excluded: [TermPattern]

    init(_ query: SearchQuery) {
        positive = query.positiveTerms.map(TermPattern.init)
        var groups: [[Int]] = []
        var next = 0
        for group in query.required {
            groups.append(Array(next..<(next + group.count)))
            next += group.count
        }
        self.groups = groups
        excluded = query.excluded.map(TermPattern.init)
    }
}
