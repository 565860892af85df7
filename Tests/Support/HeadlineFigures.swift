import ReportProtocol

/// What every copy of one report must agree on, whatever its format: region, years, and the
/// headline indicators with their figures. Evidence and section titles may differ in spacing.
public struct HeadlineFigures: Equatable, CustomStringConvertible {
    /// The indicators the issue requires wherever a report states them.
    public static let names: Set<String> = [
        "地区生产总值", "一般公共预算收入", "地方级一般公共预算收入", "区级一般公共预算收入", "固定资产投资",
        "社会消费品零售额", "居民人均可支配收入", "城镇调查失业率", "城镇登记失业率", "居民消费价格涨幅",
    ]

    public let region: String?
    public let reviewYear: Int?
    public let planYear: Int?
    public let figures: [String]

    public init(_ d: ParsedDocument) {
        region = d.region
        reviewYear = d.reviewYear
        planYear = d.planYear
        figures = d.indicators.filter { Self.names.contains($0.name) }.map {
            "\($0.kind.rawValue) \($0.name) \($0.value.map { "\($0)" } ?? "-") \($0.unit ?? "") \($0.growthPct.map { "\($0)" } ?? "-") \($0.qualifier?.rawValue ?? "")"
        }
    }

    public var description: String {
        "\(region ?? "nil") \(reviewYear ?? 0)/\(planYear ?? 0)\n" + figures.joined(separator: "\n")
    }
}
