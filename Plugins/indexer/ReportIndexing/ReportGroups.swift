import GRDB
import GRDBSQLite
import ReportProtocol

/// Every indexed report's year, region and level as group numbers, and its length, by row id:
/// what `trend` counts by. Kept in memory, one for the index (`SearchIndex.groups`), and brought
/// up to date from `index_totals` at each `trend` (`ReportRowsFollower`), so that a `trend` over
/// 100,000 reports reads neither the `reports` table nor a string per report it matches: only
/// FTS5's row ids and counts. Kept per connection, as the lengths are, it was read whole (100,000
/// rows) once for each of the pool's readers: the slowest `trend`s of a benchmark.
struct ReportGroups {
    /// One way of grouping: each report's group number, by row id (-1 where no report has that
    /// id), and each group's key (a year's number, a region's or level's name; nil for none).
    struct Column {
        fileprivate(set) var groupOf: [Int32] = []
        fileprivate(set) var keys: [String?] = []
        fileprivate var numbers: [String?: Int32] = [:]

        fileprivate mutating func set(_ rowId: Int, _ key: String?) {
            if rowId >= groupOf.count {
                groupOf.append(contentsOf: repeatElement(-1, count: max(rowId + 1, 2 * groupOf.count) - groupOf.count))
            }
            groupOf[rowId] = numbers[key] ?? {
                let number = Int32(keys.count)
                keys.append(key)
                numbers[key] = number
                return number
            }()
        }

        fileprivate mutating func removeAll() {
            groupOf.removeAll(keepingCapacity: true)
            keys.removeAll()
            numbers.removeAll()
        }
    }

    private(set) var year = Column()
    private(set) var region = Column()
    private(set) var level = Column()
    /// Each report's length in characters, by row id.
    private(set) var characters: [Int32] = []
    private var follower = ReportRowsFollower()

    /// The highest row id of a report read (0 for none).
    var highestRowId: Int { Int(follower.highestId) }
    /// `index_totals.removals` when last brought up to date: while it stays, every row read is unchanged.
    var removals: Int64 { follower.removals }

    func column(_ grouping: TrendGrouping) -> Column {
        switch grouping {
        case .year: year
        case .region: region
        case .level: level
        }
    }

    /// Each group's reports and characters, by group number.
    func sizes(_ grouping: TrendGrouping) -> [TrendTally.GroupSize] {
        let column = column(grouping)
        var sizes = column.keys.map { TrendTally.GroupSize(key: $0, reports: 0, characters: 0) }
        for (rowId, group) in column.groupOf.enumerated() where group >= 0 {
            sizes[Int(group)].reports += 1
            sizes[Int(group)].characters += Int(characters[rowId])
        }
        return sizes
    }

    /// Brings the groups up to the database: the totals row, then the reports added since the
    /// last look, or every report after a removal.
    mutating func refresh(_ db: Database) throws {
        var follower = self.follower
        defer { self.follower = follower }
        if try follower.begin(db).everyRow {
            year.removeAll()
            region.removeAll()
            level.removeAll()
            characters.removeAll(keepingCapacity: true)
        }
        try follower.readNewRows(db, select: "SELECT id, year, region, level, characters FROM reports WHERE id > ?") { id, row in
            year.set(id, Self.key(row, 1))
            region.set(id, Self.key(row, 2))
            level.set(id, Self.key(row, 3))
            if id >= characters.count {
                characters.append(contentsOf: repeatElement(0, count: year.groupOf.count - characters.count))
            }
            characters[id] = Int32(clamping: sqlite3_column_int64(row, 4))
        }
    }

    /// A group's key as text: a year's number, a region's or level's name; nil for NULL or blank.
    private static func key(_ row: OpaquePointer, _ column: Int32) -> String? {
        switch sqlite3_column_type(row, column) {
        case SQLITE_INTEGER:
            return String(sqlite3_column_int64(row, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(row, column) else { return nil }
            let string = String(cString: text)
            return string.isEmpty ? nil : string
        default:
            return nil
        }
    }
}
