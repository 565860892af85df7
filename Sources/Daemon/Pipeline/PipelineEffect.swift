import Foundation
import ReportProtocol

/// What the pipeline core asks the loop to do. The core does none of it itself.
enum PipelineEffect {
    /// Write to the store, with this wake-up's other writes; the outcome comes back as an event.
    case write(StoreWrite)
    /// Send a job: build its input (the work file, the stored document) and hand it to its worker.
    case send(RunningJob)
    /// Move a finished report's file out of the work area (to processed/ or failed/).
    case shelve(id: String, file: String, state: ReportState, reason: String?)
    /// Publish committed envelopes on the feed (after any shelve the same outcome asked for).
    case publish([PublishedEvent])
    /// Answer a control request whose work ran on a worker.
    case reply(client: [UInt8], ControlResponse)
    /// A worker held a job past its deadline: drop it and replace its process.
    case replaceWorker([UInt8])
    /// Something to count or log; changes nothing.
    case note(PipelineNote)
}
