import DequeModule

/// The parsed documents of reports between their parse and their end, so the indexer and
/// summarizer jobs are built from memory instead of reading the ~50 KB document back from the
/// store, with the facts worked out from them for the moment the report is done. Bounded: past
/// `capacity` the oldest is dropped, and a job whose document is not here reads the store as
/// before (so does the done transition, for the facts).
struct RecentDocuments {
    let capacity: Int
    private var entries: [String: (document: [UInt8], facts: DocumentFacts)] = [:]
    /// Insertion order for eviction; may hold ids already forgotten, compacted now and then.
    private var order: Deque<String> = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(id: String) -> [UInt8]? { entries[id]?.document }

    func facts(of id: String) -> DocumentFacts? { entries[id]?.facts }

    mutating func keep(_ document: [UInt8], facts: DocumentFacts, for id: String) {
        if entries.updateValue((document, facts), forKey: id) == nil { order.append(id) }
        while entries.count > capacity, let oldest = order.popFirst() {
            entries[oldest] = nil
        }
        if order.count > 2 * capacity { order = Deque(order.filter { entries[$0] != nil }) }
    }

    mutating func forget(_ id: String) {
        entries[id] = nil
    }
}
