import ChineseText
import ReportProtocol

/// Which top-level sections look back (the year under review) and which look ahead (the plan),
/// and the two years. "今年" means the review year in a report given in December and the plan
/// year in one given in January, so years come from headings and fixed phrases, never from 今年.
struct ReportTimeline {
    enum Role { case review, plan }

    var reviewYear: Int?
    var planYear: Int?
    /// One per top-level section.
    var roles: [Role?]

    static let reviewWords = ["回顾", "工作情况", "总结", "过去", "成绩"]
    static let planWords = ["任务", "计划", "思路", "目标", "安排", "部署", "展望", "打算"]
    /// Phrases that follow the plan year: "2023年是…开局之年", "2023年经济社会发展主要预期目标".
    static let planYearFollowers = ["是", "经济社会发展", "全区", "政府工作", "工作的总体要求", "主要预期目标", "年度"]
    static let reviewYearFollowers = ["工作回顾", "工作情况", "工作总结"]

    var reviewYearSource: MetadataSource?
    var planYearSource: MetadataSource?
    /// The first year of a term (换届) report's review: 过去五年 in the review heading or the opening.
    var reviewFirstYear: Int?
    /// Where the headings and the date line disagree on the plan year, in words.
    var notes: [String] = []

    /// In trust order: the section headings, the date line (a report given in the first half of
    /// the year plans for that year, one given in December for the next), fixed phrases of the
    /// body, the title; a year still missing is the other one plus or minus one.
    init(sections: [Section], paragraphs: [String], title: String?, dateLine: DateLine? = nil) {
        roles = Self.classify(sections)
        let titleYear = title.flatMap { ScalarText($0).years(in: 0..<$0.unicodeScalars.count).first?.year }
        let datePlan = dateLine.map { $0.month <= 6 ? $0.year : $0.year + 1 }

        var review = Self.yearInTitles(sections, roles, .review).map { ($0, MetadataSource.heading) }
        var plan = Self.yearInTitles(sections, roles, .plan).map { ($0, MetadataSource.heading) }
        if let datePlan, let (year, _) = plan, year != datePlan {
            notes.append("plan year: the headings say \(year), the date line's \(dateLine?.date ?? "") implies \(datePlan); kept the headings'")
        }
        if plan == nil, let datePlan, review.map({ $0.0 + 1 == datePlan }) ?? true { plan = (datePlan, .dateLine) }
        if review == nil {
            review = (Self.yearFollowed(by: Self.reviewYearFollowers, in: paragraphs, before: plan?.0)
                ?? Self.yearOpeningTheReview(sections, roles, paragraphs, before: plan?.0)).map { ($0, .body) }
        }
        if plan == nil {
            let planParagraphs = sections.indices.filter { roles[$0] == .plan }.flatMap { i in
                paragraphs[sections[i].paragraphIndex..<(sections[i].paragraphIndex + sections[i].paragraphCount)]
            }
            plan = Self.yearFollowed(by: Self.planYearFollowers, in: planParagraphs.isEmpty ? paragraphs : planParagraphs,
                                     after: review?.0).map { ($0, .body) }
        }
        plan = plan ?? titleYear.map { ($0, .title) } ?? review.map { ($0.0 + 1, .derived) }
        review = review ?? plan.map { ($0.0 - 1, .derived) }
        reviewYear = review?.0
        reviewYearSource = review?.1
        planYear = plan?.0
        planYearSource = plan?.1
        if let last = reviewYear, Self.reviewsATerm(sections, roles, paragraphs) { reviewFirstYear = last - 4 }
    }

    /// 一、过去五年工作回顾, or 我代表国务院，向大会报告过去五年政府工作 in the opening.
    static func reviewsATerm(_ sections: [Section], _ roles: [Role?], _ paragraphs: [String]) -> Bool {
        let reviewHeadings = sections.indices.filter { roles[$0] == .review }.map { sections[$0].title }
        let termWords = ["过去五年", "五年来", "五年工作"]
        if reviewHeadings.contains(where: { heading in termWords.contains { heading.containsBytes(of: $0) } }) { return true }
        let openingEnd = sections.first?.paragraphIndex ?? min(paragraphs.count, 12)
        // In the 我代表 sentence itself: a text flattened to one line says 过去五年 somewhere anyway.
        return paragraphs.prefix(openingEnd).contains { paragraph in
            guard let speech = paragraph.range(of: "我代表") else { return false }
            let sentence = paragraph[speech.upperBound...].prefix { $0 != "。" }
            return sentence.contains("过去五年")
        }
    }

    /// By heading words first, by the year in the heading next (the earlier year is the review);
    /// any other section after the review is forward-looking.
    static func classify(_ sections: [Section]) -> [Role?] {
        let years = sections.map { s in ScalarText(s.title).years(in: 0..<s.title.unicodeScalars.count).first?.year }
        let earliest = years.compactMap { $0 }.min()
        var roles = [Role?]()
        var seenReview = false
        for (i, section) in sections.enumerated() {
            var role: Role?
            if reviewWords.contains(where: section.title.contains) { role = .review }
            else if planWords.contains(where: section.title.contains) { role = .plan }
            // After the review every section looks ahead (二、2018年经济社会发展总体要求 in a report
            // whose review heading, 过去五年工作回顾, names no year).
            else if seenReview { role = .plan }
            else if let y = years[i], let earliest { role = y == earliest ? .review : .plan }
            if role == .review { seenReview = true }
            roles.append(role)
        }
        return roles
    }

    static func yearInTitles(_ sections: [Section], _ roles: [Role?], _ role: Role) -> Int? {
        for (i, section) in sections.enumerated() where roles[i] == role {
            if let y = ScalarText(section.title).years(in: 0..<section.title.unicodeScalars.count).first?.year { return y }
        }
        return nil
    }

    /// `一、过去一年工作回顾` / `2023年，全区…`: the review's first paragraph opening on a year
    /// (YYYY年， or YYYY年是) is the reviewed one.
    static func yearOpeningTheReview(_ sections: [Section], _ roles: [Role?], _ paragraphs: [String], before: Int?) -> Int? {
        guard let i = roles.firstIndex(of: .review), sections[i].paragraphIndex + 1 < paragraphs.count else { return nil }
        let text = ScalarText(paragraphs[sections[i].paragraphIndex + 1])
        guard let (year, end) = text.years(in: 0..<min(text.count, 6)).first, end == 5, end < text.count,
              text.s[end] == "，" || text.s[end] == "是", before.map({ year < $0 }) ?? true else { return nil }
        return year
    }

    /// The first "YYYY年" followed by one of `followers`; with `after` or `before`, only a later or an earlier year.
    static func yearFollowed<C: Collection>(by followers: [String], in paragraphs: C, after: Int? = nil, before: Int? = nil) -> Int?
    where C.Element == String {
        let followerScalars = followers.map(\.scalarArray)
        for paragraph in paragraphs {
            let text = ScalarText(paragraph)
            for (year, end) in text.years(in: 0..<text.count) {
                if let after, year <= after { continue }
                if let before, year >= before { continue }
                if followerScalars.contains(where: { text.matches($0, at: end) }) { return year }
            }
        }
        return nil
    }
}
