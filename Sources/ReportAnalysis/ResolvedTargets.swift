/// What a newly stored report settles: the pairs a `target.resolved` event announces.
public enum ResolvedTargets {
    /// The outcomes that `reportId`'s arrival decides, given every report stored with it
    /// (`reports` includes it): the pairs whose actual it supplies (the 2026 report settling
    /// 2025's targets), or whose target it sets when the review came first (reports dropped out
    /// of order), with a verdict other than `pending`. A copy of a report already stored settles
    /// nothing: the member stored first did, and the pair was announced then. "Stored" is the
    /// order reports finish in, not the order they were received: a copy received later can finish
    /// first (the daemon works on several at once), and the original must then stay silent.
    public static func settled(by reportId: String, among reports: [ReportFacts]) -> [TargetOutcome] {
        guard reports.contains(where: { $0.reportId == reportId }) else { return [] }
        let groups = DuplicateGroups(reports)
        guard let group = groups.group(of: reportId) else { return [] }
        let members = Set([group.canonical] + group.others)
        let storedCopy = reports.contains { members.contains($0.reportId) && $0.reportId != reportId }
        if storedCopy { return [] }
        return TargetPairing.outcomes(of: reports).filter { outcome in
            outcome.verdict != .pending
                && (outcome.actual?.reportId == group.canonical || outcome.target.reportId == group.canonical)
        }
    }
}
