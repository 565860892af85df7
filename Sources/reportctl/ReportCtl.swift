import ArgumentParser
import ReportProtocol

/// The command-line client of a running `reportd`: talks to its control socket and follows its feed.
struct ReportCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportctl",
        abstract: "Query and drive a running reportd.",
        discussion: """
            Every subcommand finds the daemon through --control ENDPOINT, or through --data-dir DIR \
            (control socket ipc://DIR/control.sock, feed ipc://DIR/feed.sock). Without either, DIR is \
            $REPORTD_DATA_DIR, else ./var/data (make run) or \(InstalledDaemon.dataDirectory) (make install), \
            whichever holds a control socket.

            Exit status:
            \(ExitStatus.allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n"))
            """,
        version: ReportdVersion.current,
        subcommands: [
            SubscribeCommand.self, SearchCommand.self, GetCommand.self, ListCommand.self,
            StatusCommand.self, SubmitCommand.self, RetryCommand.self,
            ReindexCommand.self, CompareCommand.self, TrackCommand.self, SeriesCommand.self, TrendCommand.self, MetricsCommand.self, KeygenCommand.self,
        ]
    )
}
