import ReportProtocol

/// Is the text a government work report, or a page that only talks about one (a news item, a
/// "一图读懂" digest, a study note) or imitates its form (another body's annual summary)?
/// Each signal adds or removes weight; the reason lists them so a user can see why.
struct DocumentTypeAssessment {
    struct Evidence {
        var title: String?
        var roles: [ReportTimeline.Role?]
        var indicatorNames: Set<String>
        var speaker: String?
        var session: String?
        var meetingDate: String?
        var paragraphs: [String]
    }

    /// Phrases of the genre: the address to the deputies and the request for review.
    static let genrePhrases = ["各位代表", "我代表", "请予审议", "提请", "政府工作", "预期目标", "过去一年", "新的一年", "本届政府"]
    /// A title with one of these is about a report, not the report.
    static let commentaryWords = ["解读", "图解", "一图读懂", "读懂", "学习", "热议", "反响", "要点", "速览", "新闻", "记者", "评论", "答记者问", "心得"]
    /// Sentences that quote a report from outside: "政府工作报告指出…".
    static let quotingPhrases = ["报告指出", "报告提出", "报告强调", "报告显示", "报告明确"]

    let documentType: DocumentType

    init(_ e: Evidence) {
        var score = 0.0
        var reasons = [String]()
        func add(_ weight: Double, _ reason: String) { score += weight; reasons.append(reason) }

        if let title = e.title {
            if title.containsBytes(of: "政府工作报告") || title.containsBytes(of: "政府工作報告") { add(0.3, "title \(title)") }
            else { add(0.1, "title \(title) names a work report, not a government's") }
            if let word = Self.commentaryWords.first(where: title.contains) { add(-0.5, "title reads as commentary (\(word))") }
        } else {
            reasons.append("no title")
        }
        let review = e.roles.contains(.review), plan = e.roles.contains(.plan)
        if review && plan { add(0.25, "review and plan sections") }
        else if review || plan { add(0.15, review ? "a review section" : "a plan section") }
        else { reasons.append("no review or plan section") }

        if e.indicatorNames.count >= 3 { add(0.2, "\(e.indicatorNames.count) kinds of indicators") }
        else if !e.indicatorNames.isEmpty { add(0.1, "\(e.indicatorNames.count) kind(s) of indicators") }
        else { reasons.append("no indicators") }

        if e.speaker != nil || e.session != nil || e.meetingDate != nil { add(0.1, "speaker, session or meeting date") }

        let text = ScalarText(e.paragraphs.joined(separator: "\n"))
        let counts = text.occurrences(of: (Self.genrePhrases + Self.quotingPhrases).map(\.scalarArray))
        let genre = zip(Self.genrePhrases, counts).filter { $0.1 > 0 }.map(\.0)
        if genre.count >= 3 { add(0.25, "report phrasing (\(genre.prefix(3).joined(separator: "、")))") }
        else if !genre.isEmpty { add(0.1, "some report phrasing (\(genre.joined(separator: "、")))") }

        let quotes = counts.suffix(Self.quotingPhrases.count).reduce(0, +)
        if quotes >= 2 { add(-0.4, "quotes a report from outside (\(quotes)× 报告指出/提出…)") }

        let confidence = min(1, max(0, score))
        documentType = DocumentType(isReport: confidence >= 0.5, confidence: (confidence * 100).rounded() / 100,
                                    reason: reasons.joined(separator: "; "))
    }
}
