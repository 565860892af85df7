import Foundation

/// Text of a PDF through poppler's `pdftotext`: the bytes go to a private temporary file, the
/// tool runs without a shell and with a time limit, and its exit status and message say why a
/// PDF cannot be read (encrypted, damaged) so the user is told what the file is.
public enum PDFText {
    /// Where Debian's poppler-utils puts it; PATH is not consulted, so no other binary can stand in.
    public static let defaultExecutable = "/usr/bin/pdftotext"
    /// A 300-page report converts in well under a second; a PDF that takes longer is pathological.
    public static let defaultTimeout: TimeInterval = 30
    /// The most text taken from one PDF: a 300-page report is about 1 MB of text, and a PDF's
    /// text cannot sensibly exceed the 64 MiB a file in the inbox may have; a PDF that expands
    /// to more (a compressed page stream of repeated text) is refused rather than held in memory.
    public static let defaultMaxTextBytes = 64 << 20

    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        // The header may follow a little garbage; readers accept it within the first KB.
        let head = bytes.prefix(1024)
        let magic = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        for i in 0...(head.count - magic.count) where head[i] == 0x25 && Array(head[i..<(i + magic.count)]) == magic {
            return true
        }
        return false
    }

    /// Page text in reading order; pages are separated by form feeds, which the normaliser
    /// treats as line breaks.
    public static func extract(_ bytes: [UInt8], executable: String = defaultExecutable,
                               timeout: TimeInterval = defaultTimeout,
                               maxTextBytes: Int = defaultMaxTextBytes) throws(TextDecodingError) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reportd-pdf-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unreadableDocument(format: "a PDF document", detail: "cannot create a temporary file: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.pdf")
        do {
            try Data(bytes).write(to: input)
        } catch {
            throw .unreadableDocument(format: "a PDF document", detail: "cannot write a temporary file: \(error.localizedDescription)")
        }

        let result: ExternalCommand.Result
        do {
            // The text comes back on stdout ("-"), read up to the cap.
            result = try ExternalCommand.run(executable, ["-enc", "UTF-8", "-eol", "unix", input.path, "-"],
                                             timeout: timeout, maxOutputBytes: maxTextBytes)
        } catch {
            throw .unreadableDocument(format: "a PDF document", detail: error.description)
        }
        guard result.status == 0 else {
            throw .unreadableDocument(format: describe(result), detail: result.message)
        }
        guard let text = String(validating: result.output, as: UTF8.self) else {
            throw .unreadableDocument(format: "a PDF document", detail: "pdftotext wrote no UTF-8 text")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .unreadableDocument(format: "a PDF document without a text layer (a scan?)",
                                      detail: "pdftotext found no text on any page")
        }
        return text
    }

    /// pdftotext's exit codes: 1 opening the file (damaged), 3 permissions (encrypted).
    private static func describe(_ result: ExternalCommand.Result) -> String {
        let lowered = result.message.lowercased()
        if result.status == 3 || lowered.contains("password") || lowered.contains("encrypt") {
            return "an encrypted PDF document"
        }
        return "a damaged PDF document"
    }
}
