/// PageRank on an undirected weighted graph, as TextRank uses it for both keywords and
/// sentences: a node ranks high when it is strongly linked to nodes that rank high.
///
/// Links are kept as a flat list; connecting the same pair twice adds a parallel link, which
/// counts exactly like one link of the summed weight. No dictionary is touched per link: a
/// report's sentence graph has tens of thousands of links and this is the summarizer's hot spot.
struct TextRank {
    let nodeCount: Int
    private var from: [Int32] = []
    private var to: [Int32] = []
    private var weights: [Double] = []

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
    }

    mutating func connect(_ a: Int, _ b: Int, weight: Double) {
        guard a != b, weight > 0 else { return }
        from.append(Int32(a)); to.append(Int32(b)); weights.append(weight)
    }

    /// Scores per node, iterated until no score moves by more than `tolerance`.
    func scores(damping: Double = 0.85, maxIterations: Int = 100, tolerance: Double = 1e-6) -> [Double] {
        let count = nodeCount
        // Both directions of every link, grouped by source node (counting sort).
        var start = [Int](repeating: 0, count: count + 1)
        for index in from.indices {
            start[Int(from[index]) + 1] += 1
            start[Int(to[index]) + 1] += 1
        }
        for node in 0..<count { start[node + 1] += start[node] }
        var fill = start
        var neighbours = [Int](repeating: 0, count: 2 * from.count)
        var linkWeights = [Double](repeating: 0, count: 2 * from.count)
        var outWeight = [Double](repeating: 0, count: count)
        for index in from.indices {
            let a = Int(from[index]), b = Int(to[index]), weight = weights[index]
            neighbours[fill[a]] = b; linkWeights[fill[a]] = weight; fill[a] += 1
            neighbours[fill[b]] = a; linkWeights[fill[b]] = weight; fill[b] += 1
            outWeight[a] += weight
            outWeight[b] += weight
        }
        mergeParallelLinks(&start, &neighbours, &linkWeights)
        var scores = [Double](repeating: 1, count: count)
        var next = [Double](repeating: 0, count: count)
        // The iterations walk every link up to a hundred times: unchecked buffers, same arithmetic.
        start.withUnsafeBufferPointer { start in
            neighbours.withUnsafeBufferPointer { neighbours in
                linkWeights.withUnsafeBufferPointer { linkWeights in
                    for _ in 0..<maxIterations {
                        let change = scores.withUnsafeBufferPointer { scores in
                            next.withUnsafeMutableBufferPointer { next in
                                for node in 0..<count { next[node] = 1 - damping }
                                for node in 0..<count where outWeight[node] > 0 {
                                    let share = damping * scores[node] / outWeight[node]
                                    for link in start[node]..<start[node + 1] { next[neighbours[link]] += share * linkWeights[link] }
                                }
                                var change = 0.0
                                for node in 0..<count { change = max(change, abs(scores[node] - next[node])) }
                                return change
                            }
                        }
                        swap(&scores, &next)
                        if change < tolerance { break }
                    }
                }
            }
        }
        return scores
    }

    /// Folds the parallel links of each node into one link of the summed weight, in place, each
    /// at the place of its first copy: the scores are the same, and the keyword graph (one link
    /// per meeting of two terms) shrinks to a fraction for the iterations to walk. A graph
    /// without parallel links keeps its arrays exactly, so its scores do not change in the last bit.
    private func mergeParallelLinks(_ start: inout [Int], _ neighbours: inout [Int], _ linkWeights: inout [Double]) {
        var slotOfNeighbour = [Int](repeating: -1, count: nodeCount)
        var write = 0
        for node in 0..<nodeCount {
            let first = write
            for link in start[node]..<start[node + 1] {
                let other = neighbours[link]
                let slot = slotOfNeighbour[other]
                if slot >= first {
                    linkWeights[slot] += linkWeights[link]
                } else {
                    slotOfNeighbour[other] = write
                    neighbours[write] = other
                    linkWeights[write] = linkWeights[link]
                    write += 1
                }
            }
            start[node] = first
        }
        start[nodeCount] = write
    }
}
