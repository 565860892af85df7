import ArgumentParser
import ReportClient
import ReportProtocol
import ZMQ

/// `reportctl metrics`: the daemon's Prometheus metrics, as /metrics serves them, for a quick look.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the daemon's Prometheus metrics (the text /metrics serves), sorted by name.",
        discussion: """
            Works whether or not [metrics] address is set: it asks the control socket. \
            Give name prefixes to see only those families, e.g. `reportctl metrics reportd_queue reportd_jobs`.
            """)

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "Only metric families whose name starts with one of these.") var prefixes: [String] = []
    @Flag(help: "Print each sample as JSON: name, labels and value.") var json = false

    func run() throws {
        let context = try Context()
        let reply = try daemon.controlClient(context: context).call(ControlRequest(command: .metrics))
        guard case .string(let text) = reply else {
            throw ControlClientError.badReply(command: "metrics", detail: "the reply carries no metrics text")
        }
        let sorted = MetricsText.sorted(text, prefixes: prefixes)
        if json { try Output.json(MetricsText.samples(sorted)) } else { try Output.write(Array(sorted.utf8)) }
    }
}

/// Orders Prometheus text by family name for reading (the registry emits families in no set
/// order), keeping each family's HELP, TYPE and samples together.
enum MetricsText {
    static func sorted(_ text: String, prefixes: [String] = []) -> String {
        var families: [String: [Substring]] = [:]
        var current = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                current = String(line.split(separator: " ", maxSplits: 3).dropFirst(2).first ?? "")
            } else if !line.hasPrefix("#"), !belongs(line, to: current) {
                current = String(line.prefix { $0 != "{" && $0 != " " })
            }
            families[current, default: []].append(line)
        }
        let wanted = families.keys.filter { name in prefixes.isEmpty || prefixes.contains { name.hasPrefix($0) } }
        return wanted.sorted().map { families[$0]!.joined(separator: "\n") + "\n" }.joined()
    }

    /// One sample line of the text format: `name{label="value",…} 12.5`.
    struct Sample: Encodable, Equatable {
        var name: String
        var labels: [String: String]
        /// As written: Prometheus writes NaN and +Inf, which JSON numbers cannot hold.
        var value: String
    }

    /// The samples of Prometheus text, comments skipped; a line that does not parse is left out.
    static func samples(_ text: String) -> [Sample] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            return sample(line)
        }
    }

    private static func sample(_ line: Substring) -> Sample? {
        let name = line.prefix { $0 != "{" && $0 != " " }
        var rest = line.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while let first = rest.first, first != "}" {
                if first == "," { rest = rest.dropFirst(); continue }
                let key = rest.prefix { $0 != "=" }
                rest = rest.dropFirst(key.count)
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard !rest.isEmpty else { return nil }
                rest = rest.dropFirst()
                labels[String(key)] = value
            }
            guard rest.first == "}" else { return nil }
            rest = rest.dropFirst()
        }
        let value = rest.split(separator: " ").first.map(String.init)
        guard !name.isEmpty, let value else { return nil }
        return Sample(name: String(name), labels: labels, value: value)
    }

    /// Whether a sample line is of `family` (histograms add _bucket, _sum and _count).
    private static func belongs(_ line: Substring, to family: String) -> Bool {
        guard !family.isEmpty else { return false }
        let name = line.prefix { $0 != "{" && $0 != " " }
        return name == family || ["_bucket", "_sum", "_count"].contains { name == family + $0 }
    }
}
