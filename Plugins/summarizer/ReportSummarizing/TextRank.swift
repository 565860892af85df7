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
        // Flat arrays for the iterations: walking dictionaries a hundred times costs more than
        // building the graph (a report has a few hundred sentences, tens of thousands of links).
        var start = [Int](repeating: 0, count: count + 1)
        var neighbours: [Int] = []
        var weights: [Double] = []
        var outWeight = [Double](repeating: 0, count: count)
        for node in 0..<count {
            for (neighbour, weight) in edges[node] {
                neighbours.append(neighbour)
                weights.append(weight)
                outWeight[node] += weight
            }
            start[node + 1] = neighbours.count
        }
        var scores = [Double](repeating: 1, count: count)
        var next = [Double](repeating: 0, count: count)
        for _ in 0..<maxIterations {
            for node in 0..<count { next[node] = 1 - damping }
            for node in 0..<count where outWeight[node] > 0 {
                let share = damping * scores[node] / outWeight[node]
                for edge in start[node]..<start[node + 1] { next[neighbours[edge]] += share * weights[edge] }
            }
            var change = 0.0
            for node in 0..<count { change = max(change, abs(scores[node] - next[node])) }
            swap(&scores, &next)
            if change < tolerance { break }
        }
        return scores
    }
}
