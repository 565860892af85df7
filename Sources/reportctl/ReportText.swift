import ReportProtocol

/// The human-readable form of a `ReportView`, one block per kind of result.
enum ReportText {
    static func lines(_ report: ReportView) -> [String] {
        var lines = header(report)
        if let document = report.document {
            lines += [""] + sections(document.sections)
            lines += [""] + indicators(document.indicators)
        }
        if let index = report.index {
            lines += ["", "Index: \(index.paragraphs) paragraphs, \(index.characters) characters (schema \(index.indexSchema))"]
        }
        if let summary = report.summary {
            lines += [""] + keywords(summary) + [""] + sentences(summary)
            if let sections = summary.sectionSummaries, !sections.isEmpty { lines += [""] + sectionSentences(sections) }
        }
        lines += [""] + history(report.events)
        return lines
    }

    private static func header(_ report: ReportView) -> [String] {
        var fields: [(String, String)] = [
            ("Report", report.reportId),
            ("File", report.file),
            ("State", report.attempts == 0 ? report.state
                : "\(report.state), \(report.attempts) failed attempt\(report.attempts == 1 ? "" : "s")"),
            ("Received", report.receivedAt),
        ]
        if let error = report.error { fields.append(("Error", error)) }
        if let document = report.document {
            fields.append(("Title", document.title ?? "(none found)"))
            fields.append(("Region", document.region ?? "(none found)"))
            if let division = division(document) { fields.append(("Division", division)) }
            let review = document.reviewYear.map { year in document.reviewFirstYear.map { "\($0)–\(year)" } ?? "\(year)" }
            fields.append(("Years", "review \(review ?? "?"), plan \(document.planYear.map(String.init) ?? "?")"))
            if let speaker = document.speaker {
                fields.append(("Speaker", speaker + (document.speakerOffice.map { " (\($0))" } ?? "")))
            }
            if let date = document.meetingDate {
                fields.append(("Meeting", date + (document.session.map { ", \($0)" } ?? "")))
            }
            for note in document.metadataNotes ?? [] { fields.append(("Note", note)) }
            fields.append(("Text", "\(document.paragraphs.count) paragraphs, \(document.encoding), parser \(document.parserVersion)"))
        } else {
            fields.append(("Document", "not parsed yet"))
        }
        let width = fields.map { Formatting.displayWidth($0.0) }.max() ?? 0
        return fields.map { Formatting.pad($0.0, to: width) + "  " + $0.1 }
    }

    /// 北京市东城区, district, code 110101: what the gazetteer says of the region.
    static func division(_ document: ParsedDocument) -> String? {
        let parts = [document.regionFull, document.regionLevel, document.regionCode.map { "code \($0)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func sections(_ sections: [Section]) -> [String] {
        guard !sections.isEmpty else { return ["Sections: none found"] }
        var lines = ["Sections"]
        func outline(_ section: Section, depth: Int) {
            // 一、 and （一） carry their own separation; 1. and 第一部分 read better with a space.
            let joiner = section.number.map { $0.hasSuffix("、") || $0.hasSuffix("）") ? "" : " " } ?? ""
            let numbered = (section.number ?? "") + joiner + section.title
            lines.append(String(repeating: "  ", count: depth + 1) + numbered
                + "  (¶\(section.paragraphIndex), \(section.paragraphCount) paragraphs)")
            section.children.forEach { outline($0, depth: depth + 1) }
        }
        sections.forEach { outline($0, depth: 0) }
        return lines
    }

    private static func indicators(_ indicators: [Indicator]) -> [String] {
        guard !indicators.isEmpty else { return ["Indicators: none found"] }
        let rows = indicators.map { indicator -> [String] in
            [Formatting.truncate(indicator.name, to: 24),
             indicator.kind.rawValue,
             indicator.value.map { FigureText.number($0) + (indicator.valueHigh.map { "–" + FigureText.number($0) } ?? "") }
                ?? (indicator.notStated == true ? "not stated" : "-"),
             indicator.unit ?? "-",
             indicator.growthPct.map { ($0 > 0 ? "+" : "") + FigureText.number($0) + (indicator.growthPctHigh.map { "–" + FigureText.number($0) } ?? "") + "%" }
                ?? indicator.direction?.rawValue ?? "-",
             qualifiers(indicator),
             indicator.year.map(String.init) ?? "-",
             indicator.section.map { Formatting.truncate($0, to: 20) } ?? "-"]
        }
        return ["Indicators (\(indicators.count))"]
            + Formatting.table(header: ["NAME", "KIND", "VALUE", "UNIT", "GROWTH", "QUALIFIER", "YEAR", "SECTION"], rows: rows)
    }

    /// The growth qualifier, the value's bound and 预计, e.g. "range, value over, estimated".
    private static func qualifiers(_ indicator: Indicator) -> String {
        let words = [indicator.qualifier?.rawValue, indicator.valueQualifier.map { "value " + $0.rawValue },
                     indicator.estimated == true ? "estimated" : nil].compactMap { $0 }
        return words.isEmpty ? "-" : words.joined(separator: ", ")
    }

    private static func keywords(_ summary: SummaryResult) -> [String] {
        guard !summary.keywords.isEmpty else { return ["Keywords: none"] }
        let terms = summary.keywords.map { "\($0.term) (\(FigureText.number(($0.weight * 1000).rounded() / 1000)))" }
        return ["Keywords", "  " + terms.joined(separator: "  ")]
    }

    private static func sentences(_ summary: SummaryResult) -> [String] {
        guard !summary.summary.isEmpty else { return ["Summary: none"] }
        return ["Summary (\(summary.dictionary))"] + summary.summary.map { "  · " + $0 }
    }

    private static func sectionSentences(_ sections: [SummaryResult.SectionSummary]) -> [String] {
        ["By section"] + sections.flatMap { ["  \($0.title)", "    · " + ($0.sentence ?? "(no whole sentence)")] }
    }

    private static func history(_ events: [FeedEnvelope]) -> [String] {
        guard !events.isEmpty else { return ["History: no events"] }
        return ["History"] + Formatting.table(
            header: ["SEQ", "TIME", "TOPIC"],
            rows: events.map { [String($0.seq), $0.time, $0.topic.rawValue] })
    }
}
