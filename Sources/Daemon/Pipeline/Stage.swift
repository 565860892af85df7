import ReportProtocol

/// One step of a report's path through the workers. The graph of steps is declared once, in
/// `Stage.all`: the pipeline core, the store's SQL and the dispatcher's order all read it, so
/// adding a stage means adding it here (and the store column it writes, in `StoreSchema`).
struct Stage: Hashable, Sendable {
    /// The worker service that runs it; a stage is known by it.
    let service: String
    /// The stages whose results it needs; a stage with none starts a report.
    let needs: [String]
    /// The `reports` column that holds its result: the store's "is this stage in" condition.
    let column: String
    /// The feed topic announcing its result.
    let topic: FeedTopic
    /// Checks a worker's answer and returns what the daemon keeps of it beside the bytes.
    let check: @Sendable ([UInt8]) throws -> StageOutput

    /// Parse first; then index and summarize in parallel, both needing the parsed document; a
    /// report is done when every stage is in.
    static let parse = Stage(service: ServiceName.parser, needs: [], column: "document", topic: .parsed,
                             check: { body in
                                 let document = try ResultCheck.parsedDocument(body)
                                 return .document(paragraphs: document.paragraphs, headline: DocumentHeadline(document),
                                                  facts: DocumentFacts(document))
                             })
    static let index = Stage(service: ServiceName.indexer, needs: [ServiceName.parser], column: "index_result", topic: .indexed,
                             check: { try ResultCheck.index($0, from: ServiceName.indexer); return .index })
    static let summarize = Stage(service: ServiceName.summarizer, needs: [ServiceName.parser], column: "summary", topic: .summarized,
                                 check: { .summary(keywords: try ResultCheck.summary($0)) })
    static let all: [Stage] = [parse, index, summarize]

    /// The stages a new (or retried) report starts with.
    static var first: [Stage] { all.filter(\.needs.isEmpty) }

    /// The stage a worker service runs, if it is one of the pipeline's.
    static func served(by service: String) -> Stage? {
        all.first { $0.service == service }
    }

    /// The stages that can start once every stage in `stored` is in, and are not in yet.
    static func ready(after stored: Set<String>) -> [Stage] {
        all.filter { !stored.contains($0.service) && Set($0.needs).isSubset(of: stored) }
    }

    /// Whether a report with these stages in is finished.
    static func complete(_ stored: Set<String>) -> Bool {
        all.allSatisfy { stored.contains($0.service) }
    }

    /// The first stage writes the document every later stage reads, and moves the report from
    /// `accepted` to `parsed`; the later ones fill their columns of a `parsed` report.
    var isFirst: Bool { needs.isEmpty }

    /// How many stages stand before it on the longest path: the dispatcher serves deeper stages
    /// first, so reports in flight finish before new ones start.
    var depth: Int {
        needs.compactMap(Stage.served(by:)).map { $0.depth + 1 }.max() ?? 0
    }

    static func == (lhs: Stage, rhs: Stage) -> Bool { lhs.service == rhs.service }
    func hash(into hasher: inout Hasher) { hasher.combine(service) }
}
