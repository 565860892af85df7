import Foundation
import ReportProtocol

/// Control replies as the daemon builds them, for a fake daemon to give reportctl.
enum SampleViews {
    static let reportId = "b0df4af220cc3310" + String(repeating: "5e", count: 24)

    static let status = StatusView(
        workers: [
            WorkerView(identity: "00b6d4a2f1", name: "report-parser", version: "1.0.0", services: ["parser"],
                       state: .busy, jobsDone: 12, currentJob: "job-41"),
            WorkerView(identity: "00b6d4a2f2", name: "example-python-summarizer", version: "1.0.0",
                       services: ["summarizer"], state: .idle, jobsDone: 3),
        ],
        plugins: [
            PluginView(name: "report-parser", instance: 0, pid: 31337, state: "running", restarts: 0),
            PluginView(name: "report-indexer", instance: 0, pid: nil, state: "backoff", restarts: 4),
        ],
        queues: ["parser": 2, "summarizer": 0],
        counts: CountsView(accepted: 17, inProgress: 2, done: 14, failed: 1, duplicates: 3),
        lastSeq: 85, uptimeSeconds: 3725.5, version: "1.0.0")

    static func report() -> ReportView {
        let document = ParsedDocument(
            title: "北京市延庆区2023年政府工作报告", region: "延庆区", reviewYear: 2022, planYear: 2023,
            speaker: "区长 某某", meetingDate: "2023-01-05", encoding: "gb18030",
            paragraphs: ["北京市延庆区2023年政府工作报告", "一、2022年工作回顾", "（一）冬奥服务保障", "全年实现地区生产总值213亿元，增长4%。",
                         "二、2023年工作安排", "地区生产总值增长6%左右。"],
            sections: [
                Section(number: "一、", title: "2022年工作回顾", level: 1, paragraphIndex: 1, paragraphCount: 3,
                        children: [Section(number: "（一）", title: "冬奥服务保障", level: 2, paragraphIndex: 2, paragraphCount: 2)]),
                Section(number: "二、", title: "2023年工作安排", level: 1, paragraphIndex: 4, paragraphCount: 2),
            ],
            indicators: [
                Indicator(name: "地区生产总值", kind: .actual, value: 213, unit: "亿元", growthPct: 4, year: 2022,
                          section: "一、2022年工作回顾", evidence: "全年实现地区生产总值213亿元，增长4%。"),
                Indicator(name: "地区生产总值", kind: .target, growthPct: 6, qualifier: .about, year: 2023,
                          section: "二、2023年工作安排", evidence: "地区生产总值增长6%左右。"),
            ],
            parserVersion: "report-parser 1.0.0")
        let events = [FeedTopic.accepted, .parsed, .indexed, .summarized, .done].enumerated().map { offset, topic in
            FeedEnvelope(seq: Int64(40 + offset), topic: topic, reportId: reportId, file: "000_b0df4af220cc3310.txt",
                         time: "2026-11-25T12:31:0\(offset).000Z", data: .object([:]))
        }
        return ReportView(
            reportId: reportId, file: "000_b0df4af220cc3310.txt", state: "done", attempts: 4,
            receivedAt: "2026-11-25T12:31:00.000Z", document: document,
            index: IndexResult(paragraphs: 6, characters: 61, indexSchema: 1),
            summary: SummaryResult(keywords: [.init(term: "冬奥", weight: 0.4123), .init(term: "生态涵养", weight: 0.2)],
                                   summary: ["全年实现地区生产总值213亿元，增长4%。"], dictionary: "dict.txt + domain.txt"),
            events: events)
    }

    static func search(_ query: String) -> SearchResponse {
        SearchResponse(query: query, hits: [
            SearchHit(reportId: reportId, file: "000_b0df4af220cc3310.txt", title: "北京市延庆区2023年政府工作报告",
                      region: "延庆区", year: 2022, section: "一、2022年工作回顾",
                      snippet: "全年实现【地区生产总值】213亿元，增长4%。", score: 7.31),
            SearchHit(reportId: String(repeating: "71f5e4da", count: 8), file: "002_71f5e4da6f442e07.txt", title: nil,
                      region: "密云区", year: nil, section: nil, snippet: "【地区生产总值】增长5%左右", score: 2.5),
        ])
    }
}
