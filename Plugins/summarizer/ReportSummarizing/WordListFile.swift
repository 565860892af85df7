import Foundation

/// The lines of a small UTF-8 word list, with blank lines and `#` comments left out.
/// Shared by the IDF table and the stop list so both fail the same way on a bad file.
enum WordListFile {
    static func lines(of url: URL) throws -> [(number: Int, text: Substring)] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SummarizerError.fileUnreadable(path: url.path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SummarizerError.fileUnreadable(path: url.path, reason: "not valid UTF-8")
        }
        var lines: [(number: Int, text: Substring)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            lines.append((index + 1, Substring(trimmed)))
        }
        guard !lines.isEmpty else { throw SummarizerError.fileEmpty(path: url.path) }
        return lines
    }
}
