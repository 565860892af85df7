/// Why a job's input could not be built; the core fails the report with this reason.
struct InputUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
