/// Tells traditional-script Chinese from simplified by counting very common characters that
/// exist in only one of the two scripts (們/们, 國/国, 經/经 …). A scan over scalars with a
/// table lookup, so it costs nothing next to parsing, unlike converting every text to compare.
public enum ScriptDetector {
    public enum Script: String, Sendable { case simplified, traditional }

    /// Pairs of (traditional, simplified) forms frequent in government prose.
    static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("們", "们"), ("個", "个"), ("國", "国"), ("會", "会"), ("經", "经"), ("濟", "济"), ("發", "发"),
        ("區", "区"), ("縣", "县"), ("這", "这"), ("為", "为"), ("與", "与"), ("說", "说"), ("對", "对"),
        ("時", "时"), ("實", "实"), ("現", "现"), ("產", "产"), ("業", "业"), ("來", "来"), ("開", "开"),
        ("長", "长"), ("體", "体"), ("進", "进"), ("動", "动"), ("員", "员"), ("當", "当"), ("總", "总"),
        ("稅", "税"), ("價", "价"), ("設", "设"), ("頭", "头"), ("點", "点"), ("項", "项"), ("億", "亿"),
        ("萬", "万"), ("險", "险"), ("環", "环"), ("農", "农"), ("鎮", "镇"), ("質", "质"), ("優", "优"),
        ("級", "级"), ("財", "财"), ("報", "报"), ("應", "应"), ("強", "强"),
    ]

    /// 1 for a traditional marker, 2 for a simplified one, indexed by scalar − U+4E00: an
    /// array lookup per character instead of hashing.
    static let markers: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0xA000 - 0x4E00)
        for (traditional, simplified) in pairs {
            table[Int(traditional.value) - 0x4E00] = 1
            table[Int(simplified.value) - 0x4E00] = 2
        }
        return table
    }()

    /// Traditional when its marker characters outnumber the simplified ones and are not a
    /// handful of quotations: at least 10 of them.
    public static func detect(_ text: String) -> Script {
        var traditionalCount = 0
        var simplifiedCount = 0
        markers.withUnsafeBufferPointer { table in
            for s in text.unicodeScalars where s.value >= 0x4E00 && s.value < 0xA000 {
                switch table[Int(s.value) - 0x4E00] {
                case 1: traditionalCount += 1
                case 2: simplifiedCount += 1
                default: break
                }
            }
        }
        return traditionalCount >= 10 && traditionalCount > simplifiedCount ? .traditional : .simplified
    }
}
