import Foundation
import ReportProtocol

/// Text helpers for the human-readable output: terminal column widths of Chinese text, numbers, durations.
enum Formatting {
    /// Columns a string takes in a terminal: East Asian wide and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    /// Cuts `text` to at most `width` columns, marking the cut with an ellipsis.
    static func truncate(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let cost = isWide(scalar) ? 2 : 1
            if used + cost > width - 1 { break }
            result.unicodeScalars.append(scalar)
            used += cost
        }
        return result + "…"
    }

    /// Rows aligned in columns under a header, two spaces apart.
    static func table(header: [String], rows: [[String]], indent: String = "  ") -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            let cells = row.indices.map { $0 == row.count - 1 ? row[$0] : pad(row[$0], to: widths[$0]) }
            return indent + cells.joined(separator: "  ")
        }
    }

    static func seconds(_ value: Double) -> String {
        "\(FigureText.number(value)) s"
    }

    /// 3d 04h 05m 06s, leaving out leading zero units.
    static func duration(seconds: Double) -> String {
        var left = Int(seconds.rounded(.down))
        let days = left / 86_400; left %= 86_400
        let hours = left / 3_600; left %= 3_600
        let minutes = left / 60
        let secs = left % 60
        if days > 0 { return "\(days)d \(two(hours))h \(two(minutes))m \(two(secs))s" }
        if hours > 0 { return "\(hours)h \(two(minutes))m \(two(secs))s" }
        if minutes > 0 { return "\(minutes)m \(two(secs))s" }
        return "\(secs)s"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The first characters of a report id, enough to tell reports apart and to pass back to `get`.
    static func shortId(_ reportId: String) -> String { String(reportId.prefix(12)) }
}
