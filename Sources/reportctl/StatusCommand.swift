import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl status`: workers, plugins, queues and counts of the running daemon.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the daemon's workers, plugins, queues and report counts.")

    @OptionGroup var daemon: DaemonOptions
    @Flag(help: "Print the daemon's status as JSON.") var json = false

    func run() throws {
        let context = try Context()
        let status = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .status), as: StatusView.self)
        if json { try Output.json(status) } else { try StatusText.lines(status).forEach(Output.line) }
    }
}

/// The human-readable form of a `StatusView`.
enum StatusText {
    static func lines(_ status: StatusView) -> [String] {
        let counts = status.counts
        var lines = [
            "reportd \(status.version), up \(Formatting.duration(seconds: status.uptimeSeconds)), last seq \(status.lastSeq)",
            "Reports: \(counts.accepted) accepted, \(counts.inProgress) in progress, \(counts.done) done, "
                + "\(counts.failed) failed, \(counts.duplicates) duplicates",
            "Queues: " + (status.queues.isEmpty ? "none"
                : status.queues.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")),
        ]
        if let feed = status.feed {
            lines.append("Feed: \(feed.subscriptions) subscriptions, \(feed.published) events published, "
                + "\(feed.overflows) times a subscriber fell \(feed.highWaterMark) events behind and started missing them"
                + (feed.unsent > 0 ? ", \(feed.unsent) unsent (see the log)" : ""))
        }
        lines.append("")
        lines.append("Workers (\(status.workers.count))")
        if status.workers.isEmpty {
            lines.append("  none connected")
        } else {
            lines += Formatting.table(
                header: ["NAME", "VERSION", "SERVICES", "STATE", "JOBS", "CURRENT JOB", "IDENTITY"],
                rows: status.workers.map {
                    [$0.name, $0.version, $0.services.joined(separator: ","), $0.state.rawValue,
                     String($0.jobsDone), $0.currentJob ?? "-", $0.identity]
                })
        }
        lines.append("")
        lines.append("Plugins (\(status.plugins.count))")
        if status.plugins.isEmpty {
            lines.append("  none supervised")
        } else {
            lines += Formatting.table(
                header: ["NAME", "INSTANCE", "PID", "STATE", "RESTARTS"],
                rows: status.plugins.map {
                    [$0.name, String($0.instance), $0.pid.map { String($0) } ?? "-", $0.state, String($0.restarts)]
                })
        }
        return lines
    }
}
