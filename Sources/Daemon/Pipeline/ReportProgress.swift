/// A report between acceptance and its end, as the pipeline core tracks it.
struct ReportProgress: Equatable {
    var file: String
    /// Stages whose results the store holds, by service.
    var stored: Set<String> = []
    /// Stages whose results were checked and are being written.
    var storing: Set<String> = []
    /// Tries of the current stage (the store's `attempts`): parse, then the later stages together.
    var attempts = 0
}
