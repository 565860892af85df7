/// Removes the page furniture a scraped web page brings along: navigation menus, the
/// "时间:… 作者:… 来源:…" byline, a teaser "内容摘要" that repeats the opening, and the
/// site owner / ICP licence footer. Works on trimmed lines; blank lines separate blocks.
enum WebJunkFilter {
    // Word lists as scalars: `String.contains` goes through Foundation on Linux and cost more
    // than the rest of the parser together.
    static let navigationWords = ScalarWordList(["手机版", "WAP", "首页", "网站地图", "设为首页", "加入收藏", "返回顶部", "无障碍", "English"])
    static let bylineLabels = scalars(["时间", "日期", "作者", "来源", "阅读", "评论", "浏览", "点击", "责任编辑", "发布", "字号"])
    /// Each label with a half-width and a full-width colon, made once rather than per line.
    static let labelledBylineLabels = bylineLabels.map { [$0 + [":"], $0 + ["："]] }
    static let footerWords = ScalarWordList(["ICP备", "ICP证", "公网安备", "版权所有", "主办单位", "承办单位", "运行维护单位", "技术支持", "Copyright", "©"])
    static let pageActions = ScalarWordList(["打印本页", "关闭窗口", "分享到", "【打印】", "【关闭】", "上一篇", "下一篇"])
    static let teaserPrefixes = scalars(["内容摘要", "摘要:", "摘要："])

    static func filter(_ lines: [String]) -> [String] {
        let scalarLines = lines.map(\.unicodeScalarArray)
        var keep = scalarLines.map { !isJunkLine($0) }
        dropNavigationBlocks(scalarLines, &keep)
        dropWatermarks(lines, &keep)
        return lines.indices.filter { keep[$0] }.map { lines[$0] }
    }

    static func isJunkLine(_ line: [Unicode.Scalar]) -> Bool {
        guard !line.isEmpty else { return false }
        if teaserPrefixes.contains(where: line.starts(with:)) { return true }
        if line.count <= 160, footerWords.occurs(in: line) { return true }
        if line.count <= 40, pageActions.occurs(in: line) { return true }
        return isByline(line)
    }

    /// Two or more "label:" pairs on one line is a byline, not prose.
    static func isByline(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 200, line.contains(where: { $0 == ":" || $0 == "：" }) else { return false }
        var labels = 0
        for labelled in labelledBylineLabels where labelled.contains(where: { ScalarSearch.contains(line, $0) }) {
            labels += 1
        }
        return labels >= 2
    }

    /// A short line with a menu word is a menu, and so are the very short items right next
    /// to it ("• WAP手机版" / "工作报告"). A title or a byline further on is not an item.
    static func dropNavigationBlocks(_ lines: [[Unicode.Scalar]], _ keep: inout [Bool]) {
        func isMenuItem(_ i: Int) -> Bool {
            !lines[i].isEmpty && lines[i].count <= 8 && !containsProsePunctuation(lines[i])
        }
        for i in lines.indices where lines[i].count <= 20 && navigationWords.occurs(in: lines[i]) {
            keep[i] = false
            var j = i + 1
            while j < lines.count, isMenuItem(j) { keep[j] = false; j += 1 }
            j = i - 1
            while j >= 0, isMenuItem(j) { keep[j] = false; j -= 1 }
        }
    }

    /// A PDF's watermark or running header ("内部资料 注意保存", the site name) comes out as
    /// the same short line on every page. Report lines do not repeat word for word three times.
    static func dropWatermarks(_ lines: [String], _ keep: inout [Bool]) {
        var counts = [String: Int]()
        for line in lines where isWatermarkCandidate(line) { counts[line, default: 0] += 1 }
        let repeated = Set(counts.filter { $0.value >= 3 }.keys)
        guard !repeated.isEmpty else { return }
        for i in lines.indices where repeated.contains(lines[i]) { keep[i] = false }
    }

    static func isWatermarkCandidate(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        var count = 0
        var han = 0
        for s in scalars {
            count += 1
            if count > 16 || ScalarClass.isChinesePunctuation(s) && s != "\u{3000}" && s != "·" { return false }
            if ScalarClass.isHan(s) { han += 1 }
        }
        return han >= 2 && HeadingMarker.parse(line) == nil
    }

    static func containsProsePunctuation(_ line: [Unicode.Scalar]) -> Bool {
        line.contains { $0 == "，" || $0 == "。" || $0 == "；" || $0 == "：" }
    }

    private static func scalars(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }
}

/// A word list every line is checked against, searched in one pass over the line rather than
/// one pass per word.
struct ScalarWordList {
    let words: [[Unicode.Scalar]]
    let table: FirstScalarTable

    init(_ words: [String]) {
        self.words = words.map(\.unicodeScalarArray)
        table = FirstScalarTable(words: self.words)
    }

    func occurs(in line: [Unicode.Scalar]) -> Bool {
        for i in line.indices where table.mayStart(line[i]) {
            for word in words where word.first == line[i] && i + word.count <= line.count {
                var k = 1
                while k < word.count && line[i + k] == word[k] { k += 1 }
                if k == word.count { return true }
            }
        }
        return false
    }
}

/// Substring search on scalar arrays, for the word lists the normaliser checks every line against.
enum ScalarSearch {
    static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
