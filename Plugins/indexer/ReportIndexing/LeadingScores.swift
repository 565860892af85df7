/// The best `capacity` reports of a stream of scored rows, as `report_rank` scores them: a
/// min-heap whose root is the worst kept, so a row costs a comparison with it (and O(log k) when
/// it gets in), and no more than k rows are ever held. Without a capacity, every row is kept.
///
/// This replaced `ORDER BY relevance DESC LIMIT k` over the ranked rows, for which SQLite made a
/// record of every matching row and kept its leaders in a b-tree of its own; the function now
/// keeps them itself while FTS5 streams the matches.
struct LeadingScores {
    struct Entry: Equatable {
        var rowId: Int64
        var score: Double
    }

    let capacity: Int?
    private var heap: [Entry] = []

    init(capacity: Int?) {
        self.capacity = capacity.map { max(0, $0) }
        if let capacity { heap.reserveCapacity(max(0, capacity)) }
    }

    var count: Int { heap.count }

    /// Higher scores first; of equal scores the lower row id (the report indexed earlier), so
    /// which of a tie is kept does not depend on the order FTS5 returns rows in.
    @inline(__always)
    static func isBetter(_ left: Entry, than right: Entry) -> Bool {
        left.score != right.score ? left.score > right.score : left.rowId < right.rowId
    }

    mutating func offer(rowId: Int64, score: Double) {
        let entry = Entry(rowId: rowId, score: score)
        guard let capacity else { return heap.append(entry) }
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if capacity > 0, Self.isBetter(entry, than: heap[0]) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The rows kept, best first.
    func descending() -> [Entry] {
        heap.sorted(by: Self.isBetter)
    }

    /// In the heap the worse entry is the parent.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isBetter(heap[parent], than: heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var worst = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && Self.isBetter(heap[worst], than: heap[child]) {
                worst = child
            }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
