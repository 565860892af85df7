import ArgumentParser
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

    func run() throws {
        let context = try Context()
        let reply = try daemon.controlClient(context: context).call(ControlRequest(command: .metrics))
        guard case .string(let text) = reply else {
            throw CLIError.badReply(command: "metrics", detail: "the reply carries no metrics text")
        }
        try Output.write(Array(MetricsText.sorted(text, prefixes: prefixes).utf8))
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

    /// Whether a sample line is of `family` (histograms add _bucket, _sum and _count).
    private static func belongs(_ line: Substring, to family: String) -> Bool {
        guard !family.isEmpty else { return false }
        let name = line.prefix { $0 != "{" && $0 != " " }
        return name == family || ["_bucket", "_sum", "_count"].contains { name == family + $0 }
    }
}
