extension HMMModel {
    /// jieba's floor for characters a state never emitted.
    static let unseen = -3.14e100
    /// Which states may precede each state (B=0, M=1, E=2, S=3). On a tie the first one wins;
    /// the order is the one under which jieba's `max` over (score, state letter) picks too.
    private static let predecessors: [[Int]] = [[3, 2], [1, 0], [1, 0], [3, 2]]

    /// Word lengths that tile `characters`, by the most likely BMES tagging
    /// (a word ends at E or S; the last character must be E or S).
    func wordLengths(_ characters: UnsafeBufferPointer<UInt32>) -> [Int] {
        let count = characters.count
        guard count > 1 else { return count == 1 ? [1] : [] }
        var score = [Double](repeating: 0, count: count * 4)
        var previous = [Int](repeating: 0, count: count * 4)
        for state in 0..<4 {
            score[state] = start[state] + emissionLogProbability(state, characters[0])
        }
        for position in 1..<count {
            for state in 0..<4 {
                let emit = emissionLogProbability(state, characters[position])
                var best = -Double.infinity
                var bestFrom = HMMModel.predecessors[state][0]
                for from in HMMModel.predecessors[state] {
                    let candidate = score[(position - 1) * 4 + from] + transition[from][state] + emit
                    if candidate > best { best = candidate; bestFrom = from }
                }
                score[position * 4 + state] = best
                previous[position * 4 + state] = bestFrom
            }
        }
        var state = score[(count - 1) * 4 + 2] > score[(count - 1) * 4 + 3] ? 2 : 3
        var tags = [Int](repeating: 0, count: count)
        for position in stride(from: count - 1, through: 0, by: -1) {
            tags[position] = state
            state = previous[position * 4 + state]
        }
        var lengths: [Int] = []
        var wordStart = 0
        for position in 0..<count where tags[position] == 2 || tags[position] == 3 {
            lengths.append(position + 1 - wordStart)
            wordStart = position + 1
        }
        if wordStart < count { lengths.append(count - wordStart) }
        return lengths
    }
}
