import ReportProtocol

/// What one write of a group commit did.
enum StoreOutcome {
    /// Committed; the envelopes announce it (none when the store found it late or repeated).
    case stored([PublishedEvent])
    /// The store refused it; the rest of the group was committed without it.
    case refused(Error)
}
