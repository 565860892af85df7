/// An unfinished report found at start.
struct RecoveredReport {
    var record: ReportRecord
    var inputPresent: Bool
}
