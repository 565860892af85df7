/// A report id as a user types it: the SHA-256 in hex, or a prefix of it long enough to be unique in practice.
/// The daemon resolves the prefix and refuses it when it matches no report or several.
struct ReportIdPrefix {
    static let minimumLength = 8
    static let fullLength = 64

    let value: String

    init(_ text: String) throws {
        let lowered = text.lowercased()
        guard (Self.minimumLength...Self.fullLength).contains(lowered.utf8.count),
              lowered.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                  || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
        else { throw CLIError.invalidReportId(text) }
        value = lowered
    }
}
