import Foundation
import TestSupport

/// Files no one should drop into an inbox, made fresh by each test run: what each one is and what
/// the daemon must do with it (docs/OPERATIONS.md, "What the inbox does with odd entries").
struct HostileCorpus {
    enum Outcome: Equatable {
        /// A regular file: it must end in report.failed whose reason contains `reason`.
        case fails(reportId: String, reason: String)
        /// Not a regular file, or a name that is not UTF-8: left where it is and logged once.
        case skipped(logged: String)
        /// Deleted before it settled: nothing happens, no event.
        case vanishes
    }

    struct Entry {
        var name: String
        var outcome: Outcome
    }

    private(set) var entries: [Entry] = []
    let inbox: URL
    /// Where symlinks point: outside the inbox.
    let outside: URL
    private var random = SeededGenerator(seed: 0x5EED_F00D)

    var failingIds: [String] {
        entries.compactMap { if case .fails(let id, _) = $0.outcome { return id } else { return nil } }
    }

    /// Writes the corpus into `inbox`. `oversized` is a size over the daemon's max_file_bytes.
    init(inbox: URL, outside: URL, oversized: Int) throws {
        self.inbox = inbox
        self.outside = outside
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.txt")
        try Data("政府工作报告 outside the inbox: must never be read".utf8).write(to: secret)

        try write("empty.txt", [], reason: "empty")
        for index in 0..<30 {
            try write("binary-\(index).\(["txt", "bin", "dat", "html"][index % 4])", randomBytes(100 + index * 997), reason: "binary")
        }
        let chinese = Array("政府工作报告：今年经济运行稳中有进。".utf8)
        for index in 0..<15 {
            // Cut inside a three-byte character, after one to eight Chinese characters (all distinct).
            try write("truncated-\(index).txt", Array(chinese.prefix(3 * (index / 2 + 1) + 1 + index % 2)), reason: "")
        }
        let magic: [(String, [UInt8])] = [
            ("png.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), ("elf.txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]),
            ("zip.html", [0x50, 0x4B, 0x03, 0x04]), ("gzip.txt", [0x1F, 0x8B, 0x08]), ("jpeg.htm", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("pdf.txt", Array("%PDF-1.7\n".utf8)), ("ole.doc.txt", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            ("sqlite.txt", Array("SQLite format 3\0".utf8)), ("class.txt", [0xCA, 0xFE, 0xBA, 0xBE]), ("wasm.txt", [0, 0x61, 0x73, 0x6D]),
        ]
        for (name, header) in magic { try write("wrong-ext-\(name)", header + randomBytes(2000), reason: "") }
        for depth in [1_000, 10_000, 50_000, 100_000, 200_000] {
            let html = Array("<html><body>".utf8) + Array(repeating: Array("<div>".utf8), count: depth).flatMap { $0 }
                + Array("报告\(depth)".utf8) + Array(repeating: Array("</div>".utf8), count: depth).flatMap { $0 }
            try write("nested-\(depth).html", html, reason: "")
        }
        let bomb = try Self.zipBomb()
        try write("bomb.docx", bomb, reason: "")
        try write("bomb-2.docx", bomb + [1], reason: "")
        for (index, cut) in [20, 200, 400, 1000, 3000].enumerated() {
            try write("corrupt-\(index).pdf", Array(Self.minimalPDF.utf8.prefix(cut)), reason: "PDF")
        }
        try write("encrypted.pdf", Array(Self.minimalPDF.replacingOccurrences(of: "/Root 1 0 R", with: "/Root 1 0 R /Encrypt 9 0 R").utf8), reason: "PDF")
        try write("one-line.txt", Array(repeating: Array("lorem ipsum 12345 ".utf8), count: 10 * 1024 * 1024 / 18).flatMap { $0 }, reason: "")
        try write("oversized.txt", Array(repeating: UInt8(ascii: "x"), count: oversized), reason: "over the limit")
        let garbage: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF, 0x00], [0xFF, 0xFE, 0x3D, 0xD8], Array(repeating: 0, count: 4096),
            Array(repeating: UInt8(ascii: "\n"), count: 100_000), Array(repeating: UInt8(ascii: "\r"), count: 5000),
            Array(" \t \u{3000}".utf8), Array("<html></html>".utf8), Array("<!-- 政府工作报告".utf8),
            Array(repeating: 0xE4, count: 3000), Array("&#x653F;&#x5E9C;&amp;&lt;&#99999999;".utf8),
            Array("\u{202E}报告\u{202D}".utf8), Array(repeating: Array("。".utf8), count: 5000).flatMap { $0 },
            Array("%PDF".utf8), Array(repeating: Array("\u{FEFF}".utf8), count: 1000).flatMap { $0 },
        ]
        for (index, bytes) in garbage.enumerated() { try write("garbage-\(index).txt", bytes, reason: "") }
        try write("name with  spaces .txt", randomBytes(700), reason: "")
        try write("name\nwith\nnewlines.txt", randomBytes(701), reason: "")
        try write("name-\u{202E}txt.exe", randomBytes(702), reason: "")
        try write("\u{7}bell\u{1B}[31m.txt", randomBytes(703), reason: "")
        try writeRaw(Array("bad-".utf8) + [0xFF, 0xFE, 0xC3] + Array(".txt".utf8), randomBytes(704))
        try writeRaw(Array("gbk-".utf8) + [0xD5, 0xFE, 0xB8, 0xAE] + Array(".txt".utf8), Array("政府工作报告".utf8))

        for (index, target) in [secret.path, "/etc/passwd", outside.appendingPathComponent("dangling").path].enumerated() {
            try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("link-\(index).txt").path,
                                                       withDestinationPath: target)
            entries.append(Entry(name: "link-\(index).txt", outcome: .skipped(logged: "symlink")))
        }
        for index in 0..<2 {
            let name = "fifo-\(index).txt"
            guard mkfifo(inbox.appendingPathComponent(name).path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            entries.append(Entry(name: name, outcome: .skipped(logged: "FIFO")))
        }
        for index in 0..<2 {
            let folder = inbox.appendingPathComponent("folder-\(index).txt")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("政府工作报告".utf8).write(to: folder.appendingPathComponent("inside.txt"))
            entries.append(Entry(name: folder.lastPathComponent, outcome: .skipped(logged: "directory")))
        }
        for index in 0..<5 {
            let url = inbox.appendingPathComponent("vanishing-\(index).txt")
            try Data(randomBytes(500)).write(to: url)
            try FileManager.default.removeItem(at: url)
            entries.append(Entry(name: url.lastPathComponent, outcome: .vanishes))
        }
    }

    private mutating func write(_ name: String, _ bytes: [UInt8], reason: String) throws {
        try Data(bytes).write(to: inbox.appendingPathComponent(name))
        entries.append(Entry(name: name, outcome: .fails(reportId: ContentHash.of(bytes), reason: reason)))
    }

    /// A name that is not valid UTF-8 can only be made with the raw system call.
    private mutating func writeRaw(_ name: [UInt8], _ bytes: [UInt8]) throws {
        let path = Array(inbox.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                     O_CREAT | O_WRONLY | O_EXCL, 0o644) }
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        entries.append(Entry(name: String(decoding: name, as: UTF8.self), outcome: .skipped(logged: "not valid UTF-8")))
    }

    private mutating func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// A 200 MB run of zeros deflated into a .docx-named zip of about 200 KB, made with Python's zipfile.
    static func zipBomb() throws -> [UInt8] {
        let python = try RepositoryPaths.python ?? { throw CocoaError(.executableNotLoadable) }()
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", """
            import io, sys, zipfile
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("[Content_Types].xml", "<Types/>")
                archive.writestr("word/document.xml", b"\\0" * (200 * 1024 * 1024))
            sys.stdout.buffer.write(buffer.getvalue())
            """]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(bytes)
    }

    static let minimalPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
        4 0 obj << /Length 44 >> stream
        BT /F1 24 Tf 100 700 Td (Hello) Tj ET
        endstream endobj
        xref 0 5
        trailer << /Size 5 /Root 1 0 R >>
        startxref 0
        %%EOF
        """ + String(repeating: "\n% padding so the cuts land in different places", count: 80)
}
