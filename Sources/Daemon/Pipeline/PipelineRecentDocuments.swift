import DequeModule

/// The parsed documents of reports between their parse and their end, so the indexer and
/// summarizer jobs are built from memory instead of reading the ~50 KB document back from the
/// store. Bounded: past `capacity` the oldest is dropped, and a job whose document is not here
/// reads the store as before.
struct RecentDocuments {
    let capacity: Int
    private var documents: [String: [UInt8]] = [:]
    /// Insertion order for eviction; may hold ids already forgotten, compacted now and then.
    private var order: Deque<String> = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(id: String) -> [UInt8]? { documents[id] }

    mutating func keep(_ document: [UInt8], for id: String) {
        if documents.updateValue(document, forKey: id) == nil { order.append(id) }
        while documents.count > capacity, let oldest = order.popFirst() {
            documents[oldest] = nil
        }
        if order.count > 2 * capacity { order = Deque(order.filter { documents[$0] != nil }) }
    }

    mutating func forget(_ id: String) {
        documents[id] = nil
    }
}
