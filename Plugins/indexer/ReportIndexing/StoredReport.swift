import ChineseText
import Foundation

/// A report's text as the index stores it: one row per report, its non-blank paragraphs joined
/// by U+2029 PARAGRAPH SEPARATOR, and per paragraph the titles of the sections it is in.
///
/// The same text is the report's row in the FTS5 table, where each break takes a position of
/// its own (`BigramScanner`), so a phrase never spans two paragraphs; and it is what FTS5 must be
/// handed to delete that row again (the table is contentless). One row instead of one per
/// paragraph keeps row overhead and a report-id index out of the file, and a search reads a
/// candidate report's paragraphs with one lookup.
struct StoredReport {
    static let paragraphBreak: UInt32 = 0x2029
    static let paragraphBreakBytes: [UInt8] = [0xE2, 0x80, 0xA9]

    /// The paragraphs joined by the break; a break inside a paragraph is stored as a line break.
    var body: String
    /// Distinct section titles, joined by line breaks (titles are one line).
    var titles: String
    /// Per paragraph, two little-endian UInt16: 1 + the index in `titles` of its innermost and of
    /// its top-level section, 0 for none.
    var places: [UInt8]

    init(body: String, titles: String, places: [UInt8]) {
        self.body = body
        self.titles = titles
        self.places = places
    }

    init(rows: [ParagraphRow]) {
        var titleList: [String] = []
        var titleNumbers: [String: Int] = [:]
        func number(_ title: String?) -> Int {
            guard let title else { return 0 }
            if let known = titleNumbers[title] { return known }
            titleList.append(title.replacingOccurrences(of: "\n", with: " "))
            titleNumbers[title] = titleList.count
            return titleList.count
        }
        var places: [UInt8] = []
        places.reserveCapacity(rows.count * 4)
        for row in rows {
            for value in [number(row.section), number(row.topSection)] {
                let clamped = UInt16(clamping: value)
                places.append(UInt8(clamped & 0xFF))
                places.append(UInt8(clamped >> 8))
            }
        }
        let breakString = String(Unicode.Scalar(Self.paragraphBreak)!)
        var body = ""
        body.reserveCapacity(rows.reduce(0) { $0 + $1.body.utf8.count + 3 })
        for (index, row) in rows.enumerated() {
            if index > 0 { body += breakString }
            var text = row.body
            // A byte search: a generic collection search per paragraph was most of an index call.
            let holdsBreak = text.withUTF8 { ByteSearch.count(of: Self.paragraphBreakBytes, in: $0) > 0 }
            body += holdsBreak ? text.replacingOccurrences(of: breakString, with: "\n") : text
        }
        self.body = body
        titles = titleList.joined(separator: "\n")
        self.places = places
    }
}

/// A stored report read back for a search: its paragraphs as byte ranges of the body, found
/// without decoding the text.
struct StoredParagraphs {
    let bytes: [UInt8]
    /// Byte range of each paragraph in `bytes`.
    let ranges: [Range<Int>]
    private let titleList: [String]
    private let places: [UInt8]

    init(_ stored: StoredReport) {
        self.init(body: Array(stored.body.utf8), titles: stored.titles, places: stored.places)
    }

    /// `body` as stored: the UTF-8 bytes of `StoredReport.body`.
    init(body: [UInt8], titles: String, places: [UInt8]) {
        bytes = body
        // Split on the byte: Foundation's components(separatedBy:) costs more than the whole scan below.
        titleList = titles.isEmpty ? [] : titles.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String($0)! }
        self.places = places
        var ranges: [Range<Int>] = []
        body.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            let breakBytes = StoredReport.paragraphBreakBytes
            var start = 0
            var index = 0
            while index + 2 < buffer.count {
                guard let hit = memchr(base + index, Int32(breakBytes[0]), buffer.count - 2 - index) else { break }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] == breakBytes[1] && buffer[index + 2] == breakBytes[2] {
                    ranges.append(start..<index)
                    index += 3
                    start = index
                } else {
                    index += 1
                }
            }
            ranges.append(start..<buffer.count)
        }
        self.ranges = ranges
    }

    /// The paragraph holding byte `offset`.
    func paragraph(at offset: Int) -> Int {
        var low = 0
        var high = ranges.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if ranges[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    var count: Int { ranges.count }

    func text(_ paragraph: Int) -> String {
        String(decoding: bytes[ranges[paragraph]], as: UTF8.self)
    }

    /// The innermost section's title, which a hit shows.
    func section(_ paragraph: Int) -> String? { title(at: 4 * paragraph) }

    /// The top-level section's title.
    func topSection(_ paragraph: Int) -> String? { title(at: 4 * paragraph + 2) }

    private func title(at offset: Int) -> String? {
        guard offset + 1 < places.count else { return nil }
        let number = Int(places[offset]) | Int(places[offset + 1]) << 8
        return number > 0 && number <= titleList.count ? titleList[number - 1] : nil
    }
}
