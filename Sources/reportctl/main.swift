import Foundation

// ArgumentParser parses and runs the subcommand; reportctl's own errors exit with the status
// that names their kind (ExitStatus), ArgumentParser's with its own (help 0, usage 64).
do {
    var command = try ReportCtl.parseAsRoot()
    try command.run()
} catch is Output.Closed {
    // The reader of our output went away (`reportctl list | head`): nothing left to say.
    exit(ExitStatus.success.rawValue)
} catch {
    guard let status = ExitStatus(for: error) else { ReportCtl.exit(withError: error) }
    FileHandle.standardError.write(Data("Error: \(TerminalText.safe(String(describing: error)))\n".utf8))
    exit(status.rawValue)
}
