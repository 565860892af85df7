import GRDB
import ReportProtocol

/// The filters of a search request as SQL over `paragraphs p JOIN reports r`: which reports
/// (region, year) and which of their paragraphs (section) a query looks at. The filters narrow the
/// text searched, so `冬奥 -延庆 --section 重点任务` means both terms as written in that section.
struct SearchScope {
    /// Conditions joined with AND; empty when nothing is filtered.
    private(set) var conditions: [String] = []
    private(set) var arguments: [any DatabaseValueConvertible] = []

    /// `simplified` maps traditional script to simplified, as the index holds it.
    init(_ request: SearchRequest, simplified: (String) -> String) {
        if let region = Self.trimmed(request.region) {
            // Contains, so 延庆 finds 延庆区 and 北京市延庆区.
            conditions.append("instr(r.region, ?) > 0")
            arguments.append(simplified(region))
        }
        if let year = request.year {
            conditions.append("r.year = ?")
            arguments.append(year)
        }
        if let section = Self.trimmed(request.section) {
            conditions.append("(instr(p.section, ?) > 0 OR instr(p.top_section, ?) > 0)")
            arguments.append(contentsOf: [simplified(section), simplified(section)])
        }
    }

    var isEmpty: Bool { conditions.isEmpty }

    /// ` AND …` to append to a WHERE clause, or nothing.
    var andClause: String { conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ") }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
