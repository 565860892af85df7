import Foundation

/// What lives where in the daemon's data directory, written down once: the daemon creates and
/// uses these paths, reportctl and reportd-web find the daemon's sockets by them, and the indexer
/// keeps its index under them (it is told the directory as `REPORTD_DATA_DIR`).
///
/// ```
/// <data>/state.sqlite       the store: reports, results, events
/// <data>/work/<report id>   a report's bytes while it is worked on
/// <data>/processed/         finished reports, under their original names
/// <data>/failed/            given-up reports, each with <name>.reason.txt
/// <data>/keys/              the daemon's CURVE key pairs (0700)
/// <data>/keys/authorized/   client keys (control socket, feed)
/// <data>/keys/workers/      worker keys (worker socket)
/// <data>/index/search.sqlite  the indexer's full-text index
/// <data>/{control,feed,workers}.sock  the default ipc endpoints
/// ```
public struct DataDirectoryLayout: Sendable, Equatable {
    public let root: URL

    public init(_ root: URL) {
        self.root = root.standardizedFileURL
    }

    public var store: URL { root.appendingPathComponent("state.sqlite") }
    public var work: URL { root.appendingPathComponent("work", isDirectory: true) }
    public var processed: URL { root.appendingPathComponent("processed", isDirectory: true) }
    public var failed: URL { root.appendingPathComponent("failed", isDirectory: true) }
    public var keys: URL { root.appendingPathComponent("keys", isDirectory: true) }
    public var authorizedKeys: URL { keys.appendingPathComponent("authorized", isDirectory: true) }
    public var workerKeys: URL { keys.appendingPathComponent("workers", isDirectory: true) }
    public var searchIndex: URL { root.appendingPathComponent("index/search.sqlite") }

    public var controlEndpoint: String { ipcEndpoint(named: "control.sock") }
    public var feedEndpoint: String { ipcEndpoint(named: "feed.sock") }
    public var workerEndpoint: String { ipcEndpoint(named: "workers.sock") }

    /// Absolute, so error messages name the exact socket file whatever the working directory.
    public func ipcEndpoint(named name: String) -> String {
        "ipc://" + root.appendingPathComponent(name).path
    }
}
