/// Recognises binary files before any text decoding is tried, so the user is told
/// "a PNG image" rather than "invalid UTF-8".
enum BinarySniffer {
    /// The format named by the file's magic number, or nil when it has none we know.
    static func knownFormat(_ bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "a GIF image" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "a WebP image" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "a TIFF image" }
        if starts(Array("%PDF-".utf8)) { return "a PDF document" }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return zipFlavour(bytes)
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "a legacy Microsoft Office document (DOC/XLS, not handled yet)"
        }
        if starts(Array("{\\rtf".utf8)) { return "an RTF document (not handled yet)" }
        if starts([0x1F, 0x8B]) { return "a gzip archive" }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return "a 7-Zip archive" }
        if starts(Array("Rar!".utf8)) { return "a RAR archive" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "an ELF executable" }
        if starts(Array("SQLite format 3".utf8)) { return "an SQLite database" }
        return nil
    }

    /// Office Open XML files are ZIP archives; name them by what a user would call them.
    private static func zipFlavour(_ bytes: [UInt8]) -> String {
        let head = bytes.prefix(4096)
        func contains(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            guard head.count >= n.count else { return false }
            var i = head.startIndex
            while i + n.count <= head.endIndex {
                if head[i] == n[0] && Array(head[i..<(i + n.count)]) == n { return true }
                i += 1
            }
            return false
        }
        if contains("word/") { return "a Word document (DOCX)" }
        if contains("xl/") { return "an Excel workbook (XLSX)" }
        if contains("ppt/") { return "a PowerPoint presentation (PPTX)" }
        return "a ZIP archive"
    }

    /// Counts NUL and other control bytes (tab, newlines, form feed and escape excepted)
    /// in the first few KB. Text in UTF-8 or GB18030 has none of them.
    static func controlByteCounts(_ bytes: [UInt8], sample: Int = 8192) -> (nul: Int, control: Int, sampled: Int) {
        var nul = 0
        var control = 0
        let sampled = min(bytes.count, sample)
        for b in bytes.prefix(sampled) {
            if b == 0 { nul += 1 }
            else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
            else if b == 0x7F { control += 1 }
        }
        return (nul, control, sampled)
    }

    /// Binary when any NUL appears, or control bytes exceed 1% of the sample.
    static func looksBinary(_ bytes: [UInt8]) -> TextDecodingError? {
        let counts = controlByteCounts(bytes)
        if counts.nul > 0 || counts.control * 100 > counts.sampled {
            return .binaryData(nulBytes: counts.nul, controlBytes: counts.control, sampled: counts.sampled)
        }
        return nil
    }
}
