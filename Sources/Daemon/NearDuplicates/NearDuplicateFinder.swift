/// The most similar earlier report, when it is similar enough to be the same report in another
/// format or with other junk around it.
public struct NearDuplicate: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    /// Estimated share of shared content, 0…1.
    public var similarity: Double
}

/// Compares a new report's fingerprint with every stored one. Fingerprints are loaded from the
/// store on first use and kept in memory (at most 256 bytes a report), so a comparison is a scan of
/// plain integers, not a query.
final class NearDuplicateFinder {
    /// Reports this similar are the same text: formatting and web junk change a few percent.
    static let threshold = 0.8

    private let store: StateStore
    private var known: [(id: String, file: String, fingerprint: TextFingerprint)]?

    init(store: StateStore) {
        self.store = store
    }

    func closest(to fingerprint: TextFingerprint, excluding id: String) throws -> NearDuplicate? {
        var best: NearDuplicate?
        for candidate in try loaded() where candidate.id != id {
            let similarity = fingerprint.similarity(to: candidate.fingerprint)
            if similarity >= Self.threshold, similarity > (best?.similarity ?? 0) {
                best = NearDuplicate(reportId: candidate.id, file: candidate.file, similarity: similarity)
            }
        }
        return best
    }

    func remember(id: String, file: String, fingerprint: TextFingerprint) throws {
        _ = try loaded()
        known?.append((id, file, fingerprint))
    }

    private func loaded() throws -> [(id: String, file: String, fingerprint: TextFingerprint)] {
        if let known { return known }
        let stored = try store.fingerprints().compactMap { row in
            TextFingerprint(bytes: row.bytes).map { (row.id, row.file, $0) }
        }
        known = stored
        return stored
    }
}
