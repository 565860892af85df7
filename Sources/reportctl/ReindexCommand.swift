import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl reindex`: rebuilds the search index from the parsed documents the daemon stores,
/// after an indexer upgrade changed the index schema or the index file was lost.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Index every finished report again from its stored parsed document.",
        discussion: "Returns once the jobs are queued; each report's report.indexed event says when it is done.")

    @OptionGroup var daemon: DaemonOptions
    @Flag(help: "Print the daemon's answer as JSON.") var json = false

    func run() throws {
        let context = try Context()
        let view = try daemon.controlClient(context: context).call(ControlRequest(command: .reindex), as: ReindexView.self)
        if json { return try Output.json(view) }
        try Output.line("queued \(view.queued.count) report\(view.queued.count == 1 ? "" : "s") for indexing")
        if !view.busy.isEmpty {
            try Output.line("\(view.busy.count) still in the pipeline, indexed when they get there")
        }
    }
}
