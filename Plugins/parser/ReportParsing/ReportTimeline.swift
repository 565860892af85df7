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

    init(sections: [Section], paragraphs: [String], title: String?) {
        roles = Self.classify(sections)
        let titleYear = title.flatMap { ScalarText($0).years(in: 0..<$0.unicodeScalars.count).first?.year }

        var review = Self.yearInTitles(sections, roles, .review)
        var plan = Self.yearInTitles(sections, roles, .plan)
        if review == nil {
            review = Self.yearFollowed(by: Self.reviewYearFollowers, in: paragraphs)
        }
        if plan == nil {
            let planParagraphs = sections.indices.filter { roles[$0] == .plan }.flatMap { i in
                paragraphs[sections[i].paragraphIndex..<(sections[i].paragraphIndex + sections[i].paragraphCount)]
            }
            plan = Self.yearFollowed(by: Self.planYearFollowers, in: planParagraphs.isEmpty ? paragraphs : planParagraphs,
                                     after: review)
        }
        plan = plan ?? titleYear ?? review.map { $0 + 1 }
        review = review ?? plan.map { $0 - 1 }
        reviewYear = review
        planYear = plan
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
            else if let y = years[i], let earliest { role = y == earliest ? .review : .plan }
            else if seenReview { role = .plan }
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

    /// The first "YYYY年" followed by one of `followers`; with `after`, only a later year.
    static func yearFollowed<C: Collection>(by followers: [String], in paragraphs: C, after: Int? = nil) -> Int?
    where C.Element == String {
        let followerScalars = followers.map(\.scalarArray)
        for paragraph in paragraphs {
            let text = ScalarText(paragraph)
            for (year, end) in text.years(in: 0..<text.count) {
                if let after, year <= after { continue }
                if followerScalars.contains(where: { text.matches($0, at: end) }) { return year }
            }
        }
        return nil
    }
}
