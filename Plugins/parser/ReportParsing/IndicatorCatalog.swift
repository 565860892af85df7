import ReportProtocol

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
    /// The units an amount may be stated in.
    let units: [[Unicode.Scalar]]

    init(_ name: String, _ spellings: [String]? = nil, _ measure: Measure = .amount, prefixes: [String] = [],
         units: [String] = ["万亿元", "亿元", "万元", "元"]) {
        self.name = name
        self.spellings = spellings ?? [name]
        self.measure = measure
        distinctPrefixes = prefixes
        self.units = units.map(\.scalarArray)
    }
}

enum IndicatorCatalog {
    /// GDP at every level is one indicator, named 地区生产总值 as the district reports say it:
    /// 国内生产总值 (national), 全省/全市/全区/全县生产总值, bare 生产总值, 经济总量, 经济规模
    /// and GDP all read as it. Its amount is in 万亿元 or 亿元 only: a figure in 万元 next to
    /// the name is per head (人均地区生产总值10.5万元), never the economy's size.
    static let definitions: [IndicatorDefinition] = [
        .init(IndicatorNames.gdp, IndicatorNames.gdpSynonyms.sorted(), units: ["万亿元", "亿元"]),
        // 公共财政预算收入 is its name in reports before the 2014 budget law renamed it.
        .init("一般公共预算收入", ["一般公共预算收入", "公共财政预算收入"], prefixes: ["地方级", "区级"]),
        .init("固定资产投资"),
        .init("社会消费品零售额", ["社会消费品零售额", "社会消费品零售总额"]),
        .init("市场总消费"),
        .init("居民人均可支配收入", prefixes: ["农村", "城镇"]),
        .init("农民人均可支配收入"),
        .init("规模以上工业总产值", ["规模以上工业总产值", "规上工业总产值"]),
        .init("城镇调查失业率", nil, .rate),
        .init("城镇登记失业率", nil, .rate),
        .init("居民消费价格涨幅", ["居民消费价格涨幅", "居民消费价格指数涨幅", "居民消费价格指数", "居民消费价格"], .change),
        // The national and provincial main targets name these two beside GDP and prices.
        .init("城镇新增就业", ["城镇新增就业人数", "城镇新增就业"], units: ["万人", "人"]),
        .init("粮食产量", ["粮食总产量", "粮食产量"], units: ["万亿斤", "亿斤", "亿公斤", "万吨", "亿吨", "吨"]),
    ]

    static let gdp = IndicatorNames.gdp

    /// Words before a name that make it part of another measure's name: 人均地区生产总值 (per
    /// head), 单位国内生产总值能耗, 万元地区生产总值能耗, 占国内生产总值比重, 相当于全市生产总值的比例.
    static let modifierBefore = ["人均", "单位", "万元", "每万元", "占", "相当于"].map(\.scalarArray)
    /// Words after a name that make it the modifier of another noun: 国内生产总值比重,
    /// 国内生产总值中的比重, 地区生产总值能耗, 生产总值的比例.
    static let modifierAfter = ["比重", "中的", "的比", "能耗", "水耗", "用水量", "碳排放", "二氧化碳", "排放", "占比", "核算",
                                "统计", "排名", "位次"].map(\.scalarArray)
    /// Bare 生产总值, 经济总量 and 经济规模 are the economy's only after a non-Han character or
    /// one of these (实现生产总值, 全年生产总值, 城市经济规模, 我国经济总量): 工业生产总值,
    /// 数字经济规模, 县域经济总量, 民营经济总量 are parts of it.
    static let bareGDPAfter: Set<Unicode.Scalar> = ["现", "成", "年", "计", "市", "区", "县", "省", "州", "旗", "盟", "镇", "乡", "国"]
    static let bareGDPSpellings: [[Unicode.Scalar]] = ["生产总值", "经济总量", "经济规模"].map(\.scalarArray)

    /// A headline indicator's name (with its distinguishing prefix, 区级一般公共预算收入): only
    /// these weigh in the document type, since any page may state a figure or two.
    static func isCatalogued(_ name: String) -> Bool {
        definitions.contains { name.hasSuffix($0.name) }
    }

    /// Words that start another figure's subject; the current indicator's figures stop there.
    /// "其中" opens a sub-item (其中建安投资完成70亿元) that is not the indicator either.
    static let subjectBoundaries = ["其中", "收入", "总值", "产值", "投资", "零售额", "总消费", "失业率", "增加值", "利润", "税收",
                                    "进出口", "财政", "就业", "粮食", "人均"]

    /// Every spelling, longest first, so 社会消费品零售总额 is not read as a shorter name.
    static let spellings: [(spelling: [Unicode.Scalar], definition: IndicatorDefinition)] = definitions
        .flatMap { d in d.spellings.map { ($0.scalarArray, d) } }
        .sorted { $0.0.count > $1.0.count }

    /// The distinct first characters of the spellings (地, 一, 固…).
    static let firstScalars: [Unicode.Scalar] = spellings.reduce(into: []) { firsts, entry in
        if let first = entry.spelling.first, !firsts.contains(first) { firsts.append(first) }
    }
}
