/// PageRank on an undirected weighted graph, as TextRank uses it for both keywords and
/// sentences: a node ranks high when it is strongly linked to nodes that rank high.
struct TextRank {
    private var edges: [[Int: Double]]

    init(nodeCount: Int) {
        edges = Array(repeating: [:], count: nodeCount)
    }

    mutating func connect(_ a: Int, _ b: Int, weight: Double) {
        guard a != b, weight > 0 else { return }
        edges[a][b, default: 0] += weight
        edges[b][a, default: 0] += weight
    }

    /// Scores per node, iterated until no score moves by more than `tolerance`.
    func scores(damping: Double = 0.85, maxIterations: Int = 100, tolerance: Double = 1e-6) -> [Double] {
        let count = edges.count
        let outWeight = edges.map { $0.values.reduce(0, +) }
        var scores = [Double](repeating: 1, count: count)
        for _ in 0..<maxIterations {
            var next = [Double](repeating: 1 - damping, count: count)
            for node in 0..<count where outWeight[node] > 0 {
                let share = damping * scores[node] / outWeight[node]
                for (neighbour, weight) in edges[node] { next[neighbour] += share * weight }
            }
            let change = zip(scores, next).map { abs($0 - $1) }.max() ?? 0
            scores = next
            if change < tolerance { break }
        }
        return scores
    }
}
