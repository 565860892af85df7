/// The most similar earlier report, when it is similar enough to be the same report in another
/// format or with other junk around it.
struct NearDuplicate: Codable, Sendable, Equatable {
    var reportId: String
    var file: String
    /// Estimated share of shared content, 0…1.
    var similarity: Double
}

/// Compares a new report's fingerprint with every stored one. Fingerprints are loaded from the
/// store's own small table on first use (not at start, so READY does not wait for them) and kept
/// in memory in a `FingerprintTable`, so a comparison is a scan of plain integers, not a query.
final class NearDuplicateFinder {
    /// Reports this similar are the same text: formatting and web junk change a few percent.
    static let threshold = 0.8

    private let store: StateStore
    private var known: FingerprintTable?

    init(store: StateStore) {
        self.store = store
    }

    func closest(to fingerprint: TextFingerprint, excluding id: String) throws -> NearDuplicate? {
        let table = try loaded()
        guard let best = table.mostSimilar(to: fingerprint, atLeast: Self.threshold, excluding: id) else { return nil }
        return NearDuplicate(reportId: table.ids[best.index], file: table.files[best.index], similarity: best.similarity)
    }

    func remember(id: String, file: String, fingerprint: TextFingerprint) throws {
        _ = try loaded()
        known?.append(id: id, file: file, fingerprint: fingerprint)
    }

    /// Loads the stored fingerprints now, if not yet: the group commit calls it before its
    /// transaction, because the store cannot be read from inside one (GRDB is not reentrant).
    func load() throws {
        _ = try loaded()
    }

    private func loaded() throws -> FingerprintTable {
        if let known { return known }
        var table = FingerprintTable()
        try store.forEachFingerprint { id, file, bytes in
            if let fingerprint = TextFingerprint(bytes: bytes) { table.append(id: id, file: file, fingerprint: fingerprint) }
        }
        known = table
        return table
    }
}
