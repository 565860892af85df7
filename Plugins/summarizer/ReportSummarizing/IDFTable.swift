import Foundation

/// Inverse document frequencies ("word idf" per line, jieba's analyse/idf.txt format).
/// Words the table lacks get its median, as jieba's TF-IDF does.
public struct IDFTable: Sendable {
    /// Where Debian's python3-jieba puts its IDF table.
    public static let debianPath = URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/analyse/idf.txt")

    private let values: [String: Double]
    public let median: Double

    public init(contentsOf url: URL) throws {
        var values: [String: Double] = [:]
        for line in try WordListFile.lines(of: url) {
            let fields = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, let idf = Double(fields[1]) else {
                throw SummarizerError.malformedLine(path: url.path, line: line.number, reason: "expected `word idf`")
            }
            values[String(fields[0])] = idf
        }
        self.values = values
        let sorted = values.values.sorted()
        median = sorted[sorted.count / 2]
    }

    /// The table at `REPORTD_JIEBA_IDF`, else Debian's.
    public static func standard() throws -> IDFTable {
        let path = ProcessInfo.processInfo.environment["REPORTD_JIEBA_IDF"]
        return try IDFTable(contentsOf: path.map { URL(fileURLWithPath: $0) } ?? debianPath)
    }

    public func idf(_ word: String) -> Double {
        values[word] ?? median
    }
}
