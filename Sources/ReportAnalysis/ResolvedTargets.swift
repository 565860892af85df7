/// What a newly stored report settles: the pairs a `target.resolved` event announces.
public enum ResolvedTargets {
    /// The outcomes that `reportId`'s arrival decides, given every report stored with it
    /// (`reports` includes it): the pairs whose actual it supplies (the 2026 report settling
    /// 2025's targets), or whose target it sets when the review came first (reports dropped out
    /// of order), with a verdict other than `pending`. A copy of a report already stored settles
    /// nothing: its group's first member did, and the pair was announced then.
    public static func settled(by reportId: String, among reports: [ReportFacts]) -> [TargetOutcome] {
        guard let arrived = reports.first(where: { $0.reportId == reportId }) else { return [] }
        let groups = DuplicateGroups(reports)
        guard let group = groups.group(of: reportId) else { return [] }
        let members = Set([group.canonical] + group.others)
        let earlierCopy = reports.contains { members.contains($0.reportId) && DuplicateGroups.earlier($0, arrived) }
        if earlierCopy { return [] }
        return TargetPairing.outcomes(of: reports).filter { outcome in
            outcome.verdict != .pending
                && (outcome.actual?.reportId == group.canonical || outcome.target.reportId == group.canonical)
        }
    }
}
