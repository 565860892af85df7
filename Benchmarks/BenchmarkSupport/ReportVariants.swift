import ReportProtocol

/// Distinct reports made from the five samples, as many as a benchmark needs, the same every run.
///
/// Variant i is sample i mod 5 filed under one of Beijing's 16 districts (its own district's name
/// replaced throughout) and one of six years, with every figure's digits changed at random and a
/// sentence of its own: the genre's vocabulary and paragraph shapes, with different names,
/// numbers and years, as 10,000 real reports would have. They share more vocabulary than real
/// reports would, which flatters the index's size a little (see docs/SEARCH.md).
public struct ReportVariants {
    static let districts = ["东城", "西城", "朝阳", "海淀", "丰台", "石景山", "门头沟", "房山", "通州", "顺义",
                            "昌平", "大兴", "怀柔", "平谷", "密云", "延庆"]
    let bases: [ParsedDocument]

    public init(bases: [ParsedDocument]) {
        self.bases = bases
    }

    public func variant(_ index: Int) -> ParsedDocument {
        var random = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9 &+ 1)
        var document = bases[index % bases.count]
        let ownStem = document.region.map { String($0.dropLast()) } ?? ""
        let district = Self.districts[index % Self.districts.count]
        let year = 2018 + (index / bases.count) % 6
        document.region = district + "区"
        document.planYear = year
        document.reviewYear = year - 1
        document.title = document.title.map { replaced($0, ownStem, district) }
        document.paragraphs = document.paragraphs.map { paragraph in
            var text = replaced(paragraph, ownStem, district).unicodeScalars
            text = String.UnicodeScalarView(text.map { scalar in
                guard ("0"..."9").contains(scalar), random.next() % 3 == 0 else { return scalar }
                return Unicode.Scalar(UInt8(ascii: "0") + UInt8(random.next() % 10))
            })
            return String(text)
        }
        document.paragraphs.append("本文为第\(index)份基准测试报告，编号\(random.next() % 1_000_000)。")
        return document
    }

    private func replaced(_ text: String, _ stem: String, _ district: String) -> String {
        stem.isEmpty ? text : text.replacingOccurrences(of: stem, with: district)
    }
}

/// A small, fast, seeded generator: the same variants on every run and machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
