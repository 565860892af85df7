import Foundation
import ReportProtocol

/// The human-readable and CSV forms of a `TrendResponse`.
enum TrendText {
    static let csvHeader = ["group", "reports", "reports_with", "occurrences", "characters", "per_10000"]

    static func table(_ response: TrendResponse) -> [String] {
        let total = response.total
        guard total.occurrences > 0 else {
            return ["\(response.phrase) occurs in none of the \(total.reports) indexed report\(total.reports == 1 ? "" : "s")."]
        }
        var lines = ["\(response.phrase): \(total.occurrences) time\(total.occurrences == 1 ? "" : "s") in \(total.reportsWith) of \(total.reports) reports, \(rate(total.perTenThousand)) per 10,000 characters"]
        lines += Formatting.table(header: [groupTitle(response.by), "报告", "含该词报告", "次数", "字数", "每万字"],
                                  rows: response.groups.map { cells($0, by: response.by) })
        lines.append("")
        if let first = response.first { lines.append("first  " + appearance(first)) }
        if let last = response.last { lines.append("last   " + appearance(last)) }
        if let peak = response.peak {
            lines.append("peak   \(name(peak.key, by: response.by)): \(rate(peak.perTenThousand)) per 10,000 characters")
        }
        return lines
    }

    /// A header line and one line per group, the group without a key as an empty cell.
    static func csv(_ response: TrendResponse) -> [String] {
        ([csvHeader] + response.groups.map { group in
            [group.key ?? "", String(group.reports), String(group.reportsWith), String(group.occurrences),
             String(group.characters), rate(group.perTenThousand)]
        }).map { $0.map(CompareText.csvField).joined(separator: ",") }
    }

    private static func cells(_ group: TrendGroup, by grouping: TrendGrouping) -> [String] {
        [name(group.key, by: grouping), String(group.reports), String(group.reportsWith), String(group.occurrences),
         String(group.characters), rate(group.perTenThousand)]
    }

    private static func groupTitle(_ grouping: TrendGrouping) -> String {
        switch grouping {
        case .year: "年份"
        case .region: "地区"
        case .level: "级别"
        }
    }

    /// The key, or what the reports without one lack.
    private static func name(_ key: String?, by grouping: TrendGrouping) -> String {
        key ?? "(no \(grouping.rawValue))"
    }

    private static func appearance(_ found: TrendAppearance) -> String {
        let place = [found.year.map(String.init), found.region].compactMap { $0 }.joined(separator: " ")
        return "\(place) · \(found.title ?? found.file) · \(found.occurrences) time\(found.occurrences == 1 ? "" : "s")  \(Formatting.shortId(found.reportId))  \(found.file)"
    }

    /// Two decimals: a phrase is rarely more than a few times per 10,000 characters.
    static func rate(_ value: Double) -> String { String(format: "%.2f", value) }
}
