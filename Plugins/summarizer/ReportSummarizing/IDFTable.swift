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

    /// Fields are found on the bytes: splitting each line as a `String` walked it Character by
    /// Character (grapheme breaking of every ideograph), 60% of a summarizer's start-up.
    private static func parse(_ bytes: UnsafeRawBufferPointer, path: String) throws -> [TermKey: Double] {
        var values: [TermKey: Double] = [:]
        values.reserveCapacity(bytes.count / 16)
        var fields: [Range<Int>] = []
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0a { lineEnd += 1 }
            fields.removeAll(keepingCapacity: true)
            var position = lineStart
            while position < lineEnd, fields.count < 3 {
                while position < lineEnd, isSeparator(bytes[position]) { position += 1 }
                let fieldStart = position
                while position < lineEnd, !isSeparator(bytes[position]) { position += 1 }
                if position > fieldStart { fields.append(fieldStart..<position) }
            }
            lineStart = lineEnd + 1
            if fields.isEmpty || bytes[fields[0].lowerBound] == UInt8(ascii: "#") { continue }
            guard fields.count == 2, let idf = Double(text(bytes, fields[1])) else {
                throw SummarizerError.malformedLine(path: path, line: lineNumber, reason: "expected `word idf`")
            }
            values[TermKey(text(bytes, fields[0]))] = idf
        }
        return values
    }

    @inline(__always) private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0d
    }

    private static func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
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
