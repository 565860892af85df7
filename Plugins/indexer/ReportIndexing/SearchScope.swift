import GRDB
import ReportProtocol

/// The filters of a search request: which reports (region, year, in SQL next to the MATCH) and
/// which of their paragraphs (section, checked on the candidates' stored paragraphs, see
/// `ParagraphChoice`) a query looks at. The filters narrow the text searched, so
/// `冬奥 -延庆 --section 重点任务` means both terms as written in that section.
struct SearchScope {
    /// Conditions on `reports r`, joined with AND; empty when region and year are not filtered.
    private(set) var conditions: [String] = []
    private(set) var arguments: [any DatabaseValueConvertible] = []
    /// Text a paragraph's section or top-level section title must contain.
    private(set) var section: String?

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
        section = Self.trimmed(request.section).map(simplified)
    }

    /// ` AND …` to append to a WHERE clause over `reports r`, or nothing.
    var andClause: String { conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ") }

    /// Whether a paragraph in sections titled `section` and `topSection` is searched.
    func includes(section paragraphSection: String?, topSection: String?) -> Bool {
        guard let section else { return true }
        return paragraphSection.map { $0.contains(section) } == true || topSection.map { $0.contains(section) } == true
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
