/// The indicators the parser recognises, how each is written, and how its figure reads.
struct IndicatorDefinition {
    enum Measure {
        /// An amount in money (value + unit) with a growth rate: 地区生产总值213亿元，增长4%.
        case amount
        /// A level given in percent: 城镇调查失业率控制在5%以内 → value 5, unit %.
        case rate
        /// A change given in percent: 居民消费价格涨幅控制在3%以内 → growth 3.
        case change
    }

    let name: String
    let spellings: [String]
    let measure: Measure
    /// Prefixes that make a different figure of the same kind (地方级 vs 区级 revenue);
    /// the indicator is then named with the prefix.
    let distinctPrefixes: [String]

    init(_ name: String, _ spellings: [String]? = nil, _ measure: Measure = .amount, prefixes: [String] = []) {
        self.name = name
        self.spellings = spellings ?? [name]
        self.measure = measure
        distinctPrefixes = prefixes
    }
}

enum IndicatorCatalog {
    static let definitions: [IndicatorDefinition] = [
        .init("地区生产总值"),
        .init("一般公共预算收入", prefixes: ["地方级", "区级"]),
        .init("固定资产投资"),
        .init("社会消费品零售额", ["社会消费品零售额", "社会消费品零售总额"]),
        .init("市场总消费"),
        .init("居民人均可支配收入", prefixes: ["农村", "城镇"]),
        .init("农民人均可支配收入"),
        .init("规模以上工业总产值", ["规模以上工业总产值", "规上工业总产值"]),
        .init("城镇调查失业率", nil, .rate),
        .init("城镇登记失业率", nil, .rate),
        .init("居民消费价格涨幅", ["居民消费价格涨幅", "居民消费价格指数涨幅", "居民消费价格指数"], .change),
    ]

    /// A headline indicator's name (with its distinguishing prefix, 区级一般公共预算收入): only
    /// these weigh in the document type, since any page may state a figure or two.
    static func isCatalogued(_ name: String) -> Bool {
        definitions.contains { name.hasSuffix($0.name) }
    }

    /// Words that start another figure's subject; the current indicator's figures stop there.
    /// "其中" opens a sub-item (其中建安投资完成70亿元) that is not the indicator either.
    static let subjectBoundaries = ["其中", "收入", "总值", "产值", "投资", "零售额", "总消费", "失业率", "增加值", "利润", "税收"]

    /// Every spelling, longest first, so 社会消费品零售总额 is not read as a shorter name.
    static let spellings: [(spelling: [Unicode.Scalar], definition: IndicatorDefinition)] = definitions
        .flatMap { d in d.spellings.map { ($0.scalarArray, d) } }
        .sorted { $0.0.count > $1.0.count }

    /// The distinct first characters of the spellings (地, 一, 固…).
    static let firstScalars: [Unicode.Scalar] = spellings.reduce(into: []) { firsts, entry in
        if let first = entry.spelling.first, !firsts.contains(first) { firsts.append(first) }
    }
}
