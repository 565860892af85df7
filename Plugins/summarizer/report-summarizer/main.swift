import ReportProtocol
import ReportSummarizing
import WorkerKit

/// Loaded once, at the first job: the dictionaries take a moment and a missing one must fail loudly.
let summarizer = LazyValue { try Summarizer.standard(configDirectory: ConfigDirectory.locate(containing: "dict/domain.txt")) }
let candidateFinder = LazyValue {
    try Summarizer.standard(configDirectory: ConfigDirectory.locate(containing: "dict/domain.txt"), corpus: false)
}
WorkerMain.run(SummarizerPlugin(summarizer: { try summarizer.get() }, candidateFinder: { try candidateFinder.get() }))
