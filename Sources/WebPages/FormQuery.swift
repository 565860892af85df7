import Foundation

/// A query string as an HTML form sends it (application/x-www-form-urlencoded): `+` is a space,
/// the rest percent-decoded. A key may repeat (`hl=…&hl=…`).
public struct FormQuery: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: String)] = []

    public init(_ query: String?) {
        for part in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(halves[0])
            let value = halves.count > 1 ? Self.decode(halves[1]) : ""
            pairs.append((key, value))
        }
    }

    /// The first value of `key`, trimmed; nil when absent or blank.
    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    public func all(_ key: String) -> [String] {
        pairs.filter { $0.key == key && !$0.value.isEmpty }.map(\.value)
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        // Malformed escapes (a lone %) are kept as typed rather than dropping the value.
        return spaced.removingPercentEncoding ?? spaced
    }

    public static func == (left: FormQuery, right: FormQuery) -> Bool {
        left.pairs.map(\.key) == right.pairs.map(\.key) && left.pairs.map(\.value) == right.pairs.map(\.value)
    }
}
