import Crypto
import Foundation

/// One "word freq [tag]" dictionary file (jieba's format), read straight from its bytes: the
/// 5 MB jieba dictionary must load in well under a second, which String splitting cannot do.
struct DictionaryFile {
    let name: String
    let wordCount: Int
    let sha256: String

    /// Reads the file at `url` and inserts each of its words into `table`.
    static func load(_ url: URL, into table: inout WordTable) throws -> DictionaryFile {
        let path = url.path
        let data = try readContents(of: url)
        var words = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var scalars = [UInt32]()
            scalars.reserveCapacity(64)
            var lineNumber = 0
            var lineStart = raw.starts(with: [0xef, 0xbb, 0xbf]) ? 3 : 0
            while lineStart < raw.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < raw.count, raw[lineEnd] != 0x0a { lineEnd += 1 }
                let line = UnsafeRawBufferPointer(rebasing: raw[lineStart..<lineEnd])
                lineStart = lineEnd + 1
                do {
                    guard let entry = try parseLine(line, scalars: &scalars) else { continue }
                    do {
                        try scalars.withUnsafeBufferPointer { try table.insert($0, frequency: entry.frequency, tag: entry.tag) }
                    } catch {
                        throw SegmenterError.dictionariesTooLarge(path: path, line: lineNumber, limit: WordTable.maxEntries)
                    }
                    words += 1
                } catch let reason as LineError {
                    throw SegmenterError.malformedDictionaryLine(path: path, line: lineNumber, reason: reason.text)
                }
            }
        }
        guard words > 0 else { throw SegmenterError.dictionaryEmpty(path: path) }
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return DictionaryFile(name: url.lastPathComponent, wordCount: words, sha256: digest)
    }

    private static func readContents(of url: URL) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SegmenterError.dictionaryUnreadable(path: url.path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw SegmenterError.dictionaryUnreadable(path: url.path, reason: "is a directory")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SegmenterError.dictionaryUnreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    private struct LineError: Error { let text: String }

    /// Decodes the word into `scalars`; nil for blank lines and `#` comments.
    private static func parseLine(_ line: UnsafeRawBufferPointer, scalars: inout [UInt32]) throws -> (frequency: Int, tag: String)? {
        var end = line.count
        while end > 0, isSpace(line[end - 1]) { end -= 1 }
        var position = 0
        while position < end, isSpace(line[position]) { position += 1 }
        if position == end || line[position] == UInt8(ascii: "#") { return nil }

        let wordStart = position
        while position < end, !isSpace(line[position]) { position += 1 }
        try decodeUTF8(UnsafeRawBufferPointer(rebasing: line[wordStart..<position]), into: &scalars)

        while position < end, isSpace(line[position]) { position += 1 }
        guard position < end else { throw LineError(text: "missing frequency after the word") }
        var frequency = 0
        let digitsStart = position
        while position < end, line[position] >= 0x30, line[position] <= 0x39 {
            frequency = frequency &* 10 &+ Int(line[position] - 0x30)
            position += 1
            guard position - digitsStart <= 15 else { throw LineError(text: "frequency too large") }
        }
        guard position > digitsStart, position == end || isSpace(line[position]) else {
            throw LineError(text: "frequency is not a whole number")
        }
        guard frequency > 0 else { throw LineError(text: "frequency must be positive") }

        while position < end, isSpace(line[position]) { position += 1 }
        let tag = String(decoding: UnsafeRawBufferPointer(rebasing: line[position..<end]), as: UTF8.self)
        return (frequency, tag)
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0d
    }

    private static func decodeUTF8(_ bytes: UnsafeRawBufferPointer, into scalars: inout [UInt32]) throws {
        scalars.removeAll(keepingCapacity: true)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar.value)
            case .emptyInput: return
            case .error: throw LineError(text: "word is not valid UTF-8")
            }
        }
    }
}
