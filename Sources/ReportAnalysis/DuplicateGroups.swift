/// One report however many copies of it are stored: near-duplicates (the daemon's
/// `near_duplicate_of`, transitively) and reports of one region for one plan year.
public struct DuplicateGroup: Codable, Sendable, Equatable {
    /// The member every cross-report answer reads: the most complete parse, ties to the earliest.
    public var canonical: String
    /// The other members, earliest received first.
    public var others: [String]
    public init(canonical: String, others: [String]) {
        self.canonical = canonical
        self.others = others
    }
}

public struct DuplicateGroups: Sendable {
    /// Every group, singletons included, ordered by their canonical member's arrival.
    public let groups: [DuplicateGroup]
    private let groupOf: [String: Int]

    public init(_ reports: [ReportFacts]) {
        var sets = DisjointSets(count: reports.count)
        let linked = reports.indices.filter { reports[$0].nearDuplicateOf != nil }
        if !linked.isEmpty {
            let index = Dictionary(reports.indices.map { (reports[$0].reportId, $0) }, uniquingKeysWith: { first, _ in first })
            for i in linked {
                if let j = index[reports[i].nearDuplicateOf!] { sets.join(i, j) }
            }
        }
        // Surely the same region, same plan year: the same report, whatever its bytes (a scan, a
        // retyped copy). Not a merely possible match: an excerpt naming only 朝阳区 would join
        // 北京市朝阳区's group and 长春市朝阳区's into one.
        Self.joinSurelySameRegion(reports, into: &sets)
        // On indices, with each report's rank read once: sorting the reports themselves copied
        // them, a quarter of a `track` over 10,000 reports of five documents (perf).
        let received = reports.map { ($0.receivedAt, $0.reportId) }
        let arrival = reports.indices.sorted { received[$0] < received[$1] }  // as `earlier`
        var rank = [Int](repeating: 0, count: reports.count)
        for (position, i) in arrival.enumerated() { rank[i] = position }
        let completeness = reports.map(\.completeness)
        var members: [Int: [Int]] = [:]
        for i in arrival { members[sets.root(i), default: []].append(i) }  // each group earliest first
        let chosen = members.values.map { byArrival in
            // The first of equals: the earliest.
            (canonical: byArrival.max { completeness[$0] < completeness[$1] }!, byArrival: byArrival)
        }
        .sorted { rank[$0.canonical] < rank[$1.canonical] }
        groups = chosen.map { group in
            DuplicateGroup(canonical: reports[group.canonical].reportId,
                           others: group.byArrival.filter { $0 != group.canonical }.map { reports[$0].reportId })
        }
        var groupOf: [String: Int] = [:]
        groupOf.reserveCapacity(reports.count)
        for (g, group) in chosen.enumerated() {
            for i in group.byArrival { groupOf[reports[i].reportId] = g }
        }
        self.groupOf = groupOf
    }

    /// Joins the reports of one plan year that are surely one region's
    /// (`RegionRef.isSurelySameRegion`) through buckets instead of comparing every pair: the
    /// pairs of a bucket of 2,000 copies made a `track` over 10,000 stored reports outlast the
    /// query time limit. The components are those of the pairwise rule: coded reports join by
    /// code; within one name, level and full name, the uncoded reports join each other and every
    /// coded one (two coded reports of different codes meet only through an uncoded one, as
    /// pair by pair).
    private static func joinSurelySameRegion(_ reports: [ReportFacts], into sets: inout DisjointSets) {
        struct Code: Hashable { var year: Int; var code: String }
        struct Names: Hashable { var year: Int; var name: String; var level: String?; var fullName: String? }
        var firstOfCode: [Code: Int] = [:]
        var coded: [Names: [Int]] = [:]
        var firstUncoded: [Names: Int] = [:]
        for i in reports.indices {
            // The region alone: binding the whole report copied it, each of its strings retained.
            guard let year = reports[i].planYear else { continue }
            let region = reports[i].region
            if let code = region.code {
                let key = Code(year: year, code: code)
                if let first = firstOfCode[key] { sets.join(first, i) } else { firstOfCode[key] = i }
            }
            guard let name = region.name else { continue }
            let names = Names(year: year, name: name, level: region.level, fullName: region.fullName)
            if region.code == nil {
                if let first = firstUncoded[names] { sets.join(first, i) } else { firstUncoded[names] = i }
            } else {
                coded[names, default: []].append(i)
            }
        }
        for (names, members) in coded {
            guard let uncoded = firstUncoded[names] else { continue }
            for i in members { sets.join(uncoded, i) }
        }
    }

    /// The group `reportId` belongs to, nil for an id not given.
    public func group(of reportId: String) -> DuplicateGroup? {
        groupOf[reportId].map { groups[$0] }
    }

    public func isCanonical(_ reportId: String) -> Bool { group(of: reportId)?.canonical == reportId }

    /// Earliest received first; the report id decides between files taken in the same instant.
    static func earlier(_ a: ReportFacts, _ b: ReportFacts) -> Bool {
        (a.receivedAt, a.reportId) < (b.receivedAt, b.reportId)
    }
}

/// Union–find over indices, with path halving.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    mutating func join(_ a: Int, _ b: Int) {
        let (ra, rb) = (root(a), root(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
