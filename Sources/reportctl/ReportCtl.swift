import ArgumentParser

/// The command-line client of a running `reportd`: talks to its control socket and follows its feed.
struct ReportCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportctl",
        abstract: "Query and drive a running reportd.",
        discussion: """
            Every subcommand finds the daemon through --control ENDPOINT, or through --data-dir DIR \
            (control socket ipc://DIR/control.sock, feed ipc://DIR/feed.sock; DIR defaults to ./var/data).
            """,
        subcommands: [
            SubscribeCommand.self, SearchCommand.self, GetCommand.self,
            StatusCommand.self, SubmitCommand.self, RetryCommand.self,
            ReindexCommand.self, CompareCommand.self, MetricsCommand.self, KeygenCommand.self,
        ]
    )
}
