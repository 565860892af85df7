import ReportProtocol

/// What a plugin implements. A conformer writes `name`, `services` and `handle`;
/// everything else (connecting, announcing, heartbeats, one-shot CLI) comes from WorkerKit.
public protocol WorkerPlugin: Sendable {
    /// The executable's name as announced to the broker, e.g. "report-parser".
    var name: String { get }
    var version: String { get }
    /// The services this plugin serves, e.g. ["indexer", "search"].
    var services: [String] { get }
    /// Commands that run once from the shell and print what the worker would return.
    var oneShotCommands: [OneShotCommand] { get }

    /// Loads what every job needs (dictionaries, an index) before the worker announces itself,
    /// so the first job is as fast as the rest and a missing file fails the start, loudly.
    func prepare() throws

    /// Serves one job. Throw a `JobFailure` to choose whether the broker retries;
    /// any other error is reported as retryable, since the plugin did not vouch that the input is bad.
    func handle(_ job: JobRequest) throws -> [UInt8]
}

extension WorkerPlugin {
    public var version: String { ReportdVersion.current }
    public var oneShotCommands: [OneShotCommand] { [] }
    public func prepare() throws {}
}

/// A debugging and scripting entry point: `report-parser parse FILE`.
public struct OneShotCommand: Sendable {
    public let name: String
    public let usage: String
    public let run: @Sendable (_ arguments: [String]) throws -> [UInt8]

    public init(name: String, usage: String, run: @escaping @Sendable (_ arguments: [String]) throws -> [UInt8]) {
        self.name = name
        self.usage = usage
        self.run = run
    }
}
