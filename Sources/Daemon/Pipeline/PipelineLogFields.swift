import Logging

/// The structured fields of pipeline log lines, so every format carries them the same way:
/// plain lines end in `report=… file=… stage=… attempt=… worker=…`, JSON lines have them as keys,
/// and `journalctl -u reportd | grep report=f1618e78` follows one report.
extension Logger.Metadata {
    static func report(_ id: String?, file: String? = nil, stage: String? = nil, attempt: Int? = nil,
                       worker: String? = nil) -> Logger.Metadata {
        var fields: Logger.Metadata = [:]
        if let id { fields["report"] = .string(id) }
        if let file { fields["file"] = .string(file.sanitizedForLog) }
        if let stage { fields["stage"] = .string(stage) }
        if let attempt { fields["attempt"] = .stringConvertible(attempt) }
        if let worker { fields["worker"] = .string(worker) }
        return fields
    }

    /// The fields of a work item: its report (if it has one), stage and attempt.
    static func work(_ item: WorkItem, worker: String? = nil) -> Logger.Metadata {
        switch item.origin {
        case .report(let id, let file), .reindex(let id, let file):
            return .report(id, file: file, stage: item.service, attempt: item.attempt, worker: worker)
        case .control:
            return .report(nil, stage: item.service, worker: worker)
        }
    }
}
