/// The cutting itself: character classes split the text into runs, Han runs go through the
/// DAG and the route search, the rest become number, alphanumeric and symbol tokens.
extension Segmenter {
    public func tokens(_ text: String) -> [WordToken] {
        let cut = segmented(text)
        return cut.spans.map { WordToken(text: cut.text($0.range), kind: $0.kind) }
    }

    /// The tokens of `text` as spans, the same cuts as `tokens(_:)`.
    public func segmented(_ text: String) -> SegmentedText {
        var cut = SegmentedText(SegmenterInput(text))
        var spans: [SegmentedText.Span] = []
        spans.reserveCapacity(cut.input.scalars.count / 2)
        var route = RouteBuffers()
        cut.input.scalars.withUnsafeBufferPointer { scalars in
            var index = 0
            while index < scalars.count {
                switch SegmenterCharacterClass(scalars[index]) {
                case .han:
                    var end = index + 1
                    while end < scalars.count, SegmenterCharacterClass(scalars[end]) == .han { end += 1 }
                    cutHan(scalars, index..<end, &route, &spans)
                    index = end
                case .letter, .digit:
                    let (end, hasLetter) = Segmenter.alphanumericRunEnd(scalars, from: index)
                    spans.append(.init(range: index..<end, kind: hasLetter ? .alphanumeric : .number, word: -1))
                    index = end
                case .space:
                    index += 1
                case .other:
                    spans.append(.init(range: index..<(index + 1), kind: .symbol, word: -1))
                    index += 1
                }
            }
        }
        cut.spans = spans
        return cut
    }

    /// Reusable score and choice arrays for the route search of one Han run.
    struct RouteBuffers {
        var score: [Double] = []
        var next: [Int] = []
        /// The table entry of the word the best path takes at each position, -1 for a lone character.
        var entry: [Int32] = []

        mutating func prepare(_ count: Int) {
            if score.count < count + 1 {
                score = [Double](repeating: 0, count: count + 1)
                next = [Int](repeating: 0, count: count + 1)
                entry = [Int32](repeating: -1, count: count + 1)
            }
        }
    }

    /// Letters and digits, a decimal point between digits, and a percent sign after a digit.
    static func alphanumericRunEnd(_ scalars: UnsafeBufferPointer<UInt32>, from start: Int) -> (end: Int, hasLetter: Bool) {
        var end = start
        var hasLetter = false
        while end < scalars.count {
            let character = SegmenterCharacterClass(scalars[end])
            if character == .letter {
                hasLetter = true
            } else if character != .digit {
                let isDecimal = SegmenterCharacterClass.isDecimalPoint(scalars[end]) && end > start
                    && SegmenterCharacterClass(scalars[end - 1]) == .digit
                    && end + 1 < scalars.count && SegmenterCharacterClass(scalars[end + 1]) == .digit
                guard isDecimal else { break }
            }
            end += 1
        }
        if end < scalars.count, SegmenterCharacterClass.isPercent(scalars[end]), SegmenterCharacterClass(scalars[end - 1]) == .digit {
            end += 1
        }
        return (end, hasLetter)
    }

    private func cutHan(_ scalars: UnsafeBufferPointer<UInt32>, _ run: Range<Int>,
                        _ route: inout RouteBuffers, _ spans: inout [SegmentedText.Span]) {
        findBestRoute(scalars, run, &route)
        var position = run.lowerBound
        var singlesStart = -1
        while position < run.upperBound {
            let end = route.next[position - run.lowerBound] + run.lowerBound
            if end - position == 1 {
                if singlesStart < 0 { singlesStart = position }
            } else {
                if singlesStart >= 0 { emitSingles(scalars, singlesStart..<position, &spans) }
                singlesStart = -1
                spans.append(.init(range: position..<end, kind: .word, word: route.entry[position - run.lowerBound]))
            }
            position = end
        }
        if singlesStart >= 0 { emitSingles(scalars, singlesStart..<run.upperBound, &spans) }
    }

    /// jieba's route: score[i] is the best log probability of run[i...], next[i] where the
    /// first word of that best path ends. Ties go to the longer word, as in jieba.
    private func findBestRoute(_ scalars: UnsafeBufferPointer<UInt32>, _ run: Range<Int>, _ route: inout RouteBuffers) {
        let count = run.count
        let base = run.lowerBound
        route.prepare(count)
        route.score[count] = 0
        for start in stride(from: count - 1, through: 0, by: -1) {
            var bestScore = -Double.infinity
            var bestEnd = start + 1
            var bestEntry: Int32 = -1
            var parent = WordTable.root
            let limit = min(count, start + table.maxWordLength)
            var end = start
            while end < limit {
                let scalar = scalars[base + end]
                guard let slot = end == start ? table.rootChild(scalar) : table.child(of: parent, scalar) else { break }
                parent = slot.entry
                if slot.logProbability > -Double.infinity {
                    let candidate = slot.logProbability + route.score[end + 1]
                    if candidate >= bestScore {
                        bestScore = candidate
                        bestEnd = end + 1
                        bestEntry = slot.entry
                    }
                }
                end += 1
            }
            if bestScore == -Double.infinity { bestScore = logUnknown + route.score[start + 1] }
            route.score[start] = bestScore
            route.next[start] = bestEnd
            route.entry[start] = bestEntry
        }
    }

    /// A run of characters the route left single: the HMM may join some into unknown words,
    /// unless the run as a whole is a dictionary word (then jieba keeps the characters apart).
    private func emitSingles(_ scalars: UnsafeBufferPointer<UInt32>, _ singles: Range<Int>, _ spans: inout [SegmentedText.Span]) {
        if singles.count == 1 {
            let entry = wordEntry(scalars, singles)
            spans.append(.init(range: singles, kind: entry >= 0 ? .word : .unknownWord, word: entry))
            return
        }
        var lengths = [Int](repeating: 1, count: singles.count)
        if let hmm, wordEntry(scalars, singles) < 0 {
            lengths = hmm.wordLengths(UnsafeBufferPointer(rebasing: scalars[singles]))
        }
        var start = singles.lowerBound
        for length in lengths {
            let piece = start..<(start + length)
            let entry = wordEntry(scalars, piece)
            spans.append(.init(range: piece, kind: entry >= 0 ? .word : .unknownWord, word: entry))
            start += length
        }
    }

    /// The table entry of the dictionary word spelled by `range`, -1 when it is no word (or only a prefix).
    private func wordEntry(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int32 {
        guard let slot = table.lookup(UnsafeBufferPointer(rebasing: scalars[range])),
              slot.logProbability > -Double.infinity else { return -1 }
        return slot.entry
    }
}
