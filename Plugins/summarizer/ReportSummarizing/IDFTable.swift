import Foundation

/// Inverse document frequencies ("word idf" per line, jieba's analyse/idf.txt format).
/// Words the table lacks get its median, as jieba's TF-IDF does.
public struct IDFTable: Sendable {
    /// Where Debian's python3-jieba puts its IDF table.
    public static let debianPath = URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/analyse/idf.txt")

    private let values: [TermKey: Double]
    public let median: Double

    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SummarizerError.fileUnreadable(path: url.path, reason: error.localizedDescription)
        }
        // Parsed from the bytes: the table has 270,000 lines, too many for line-by-line
        // Foundation string handling to load quickly.
        let values = try data.withUnsafeBytes { try IDFTable.parse($0, path: url.path) }
        guard !values.isEmpty else { throw SummarizerError.fileEmpty(path: url.path) }
        self.values = values
        let sorted = values.values.sorted()
        median = sorted[sorted.count / 2]
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, path: String) throws -> [TermKey: Double] {
        var values: [TermKey: Double] = [:]
        values.reserveCapacity(bytes.count / 16)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0a { lineEnd += 1 }
            let fields = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            lineStart = lineEnd + 1
            if fields.isEmpty || fields[0].hasPrefix("#") { continue }
            guard fields.count == 2, let idf = Double(fields[1]) else {
                throw SummarizerError.malformedLine(path: path, line: lineNumber, reason: "expected `word idf`")
            }
            values[TermKey(String(fields[0]))] = idf
        }
        return values
    }

    /// The table at `REPORTD_JIEBA_IDF`, else Debian's.
    public static func standard() throws -> IDFTable {
        let path = ProcessInfo.processInfo.environment["REPORTD_JIEBA_IDF"]
        return try IDFTable(contentsOf: path.map { URL(fileURLWithPath: $0) } ?? debianPath)
    }

    public func idf(_ word: String) -> Double {
        values[TermKey(word)] ?? median
    }
}
