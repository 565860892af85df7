import ArgumentParser

/// `--json` or `--csv` instead of the human table, for the commands that answer with rows
/// (`compare`, `track`, `series`, `trend`): one definition of the flags, their conflict and the
/// choice between the three.
struct RowsFormat: ParsableArguments {
    @Flag(help: "Print the answer as JSON.") var json = false
    @Flag(help: "Print the rows as CSV (RFC 4180).") var csv = false

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("--json and --csv exclude each other") }
    }

    /// The `copy_limit` to ask for: the table says how many copies a figure has, JSON and CSV name them.
    var copyLimit: Int? { json || csv ? nil : 0 }

    /// Prints `answer` as JSON, or the CSV or table lines made from it.
    func print<Answer: Encodable>(_ answer: Answer, csv csvLines: (Answer) -> [String], table: (Answer) -> [String]) throws {
        if json { return try Output.json(answer) }
        try (csv ? csvLines(answer) : table(answer)).forEach(Output.line)
    }
}
