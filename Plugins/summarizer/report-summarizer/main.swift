import ReportSummarizing
import WorkerKit

/// Loaded once, at the first job: the dictionaries take a moment and a missing one must fail loudly.
let summarizer = LazyValue { try Summarizer.standard(configDirectory: ConfigDirectory.locate(containing: "dict/domain.txt")) }
WorkerMain.run(SummarizerPlugin(summarizer: { try summarizer.get() }))
