import TestSupport
import Foundation
import GRDB
import Logging
@testable import Daemon
import XCTest

/// A fresh directory under /tmp, removed when the test ends. Short paths keep ipc and
/// AF_UNIX socket paths under the kernel's 107-byte limit.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("rdt-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
}

/// Keeps every log entry so tests can check what was said, and at which level.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    struct Entry {
        let level: Logger.Level
        let message: String
        let metadata: Logger.Metadata
    }

    private let lock = NSLock()
    private var stored: [Entry] = []
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { stored.append(Entry(level: event.level, message: event.message.description, metadata: event.metadata ?? [:])) }
    }

    var entries: [Entry] { lock.withLock { stored } }

    func entries(containing text: String) -> [Entry] { entries.filter { $0.message.contains(text) } }

    var logger: Logger { Logger(label: "test") { _ in self } }
}

/// Polls `condition` (calling `step` between checks) until it holds. Waits for a real event,
/// such as a process exiting; the generous limit only keeps a broken test from hanging.
func waitUntil(_ what: String, limit: Duration = .seconds(30), step: () -> Void = {},
               _ condition: () throws -> Bool) rethrows {
    let clock = ContinuousClock()
    let end = clock.now + limit
    while try !condition() {
        if clock.now >= end {
            XCTFail("gave up waiting: \(what)")
            return
        }
        step()
        usleep(5_000)
    }
}

/// The repository root, found from this file's location.
/// The repository, for the shipped config files.
let repositoryRoot = Repository.root


/// A store file as a release whose last migration was `version` left it, holding what `fill`
/// wrote: what an upgrade test opens with today's `StateStore`.
func makeOldStore(at path: String, upTo version: String, _ fill: (Database) throws -> Void) throws {
    let old = try DatabaseQueue(path: path)
    try StoreSchema.migrator().migrate(old, upTo: version)
    try old.write(fill)
}
