import Foundation
import GRDB
import Logging
import ReportProtocol

/// Answers the control commands that read across the store (`get`, `compare`, `track`,
/// `series`) on a thread of its own, over a read-only connection to the store, so the event loop
/// keeps taking files and results while one runs (`compare` over 2,000 reports held the loop for
/// 3.6–4.5 s). Each answer goes back through the loop's command mailbox: only the loop thread
/// touches the control socket. A query past `[control] query_timeout_ms` is interrupted
/// (sqlite3_interrupt) and answered with an error naming the limit.
final class QueryService: @unchecked Sendable {
    private let store: StateStore
    private let timeoutMilliseconds: Int
    private let answered: (_ client: [UInt8], _ reply: ControlReply) -> Void
    private let logger: Logger
    private let condition = NSCondition()
    private var queue: [ControlServer.Request] = []
    private var stopped = false

    init(storePath: String, timeoutMilliseconds: Int, logger: Logger,
         answered: @escaping (_ client: [UInt8], _ reply: ControlReply) -> Void) throws {
        store = try StateStore(readingFrom: storePath)
        self.timeoutMilliseconds = timeoutMilliseconds
        self.answered = answered
        self.logger = logger
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "reportd-queries"
        thread.start()
    }

    /// Queues a request; its answer comes later through `answered`.
    func submit(_ request: ControlServer.Request) {
        condition.withLock {
            queue.append(request)
            condition.signal()
        }
    }

    /// Ends the thread after the query it is running, which is interrupted.
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
        store.interrupt()
    }

    private func run() {
        while let request = next() {
            let started = Date()
            let deadline = QueryDeadline(milliseconds: timeoutMilliseconds)
            // The interrupt ends a statement that is running; the deadline ends the work between statements.
            let timer = DispatchWorkItem { [self] in
                deadline.expire()
                store.interrupt()
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(timeoutMilliseconds), execute: timer)
            let reply = answer(request, deadline: deadline)
            timer.cancel()
            logger.debug("query answered", metadata: ["command": "\(request.body.command.rawValue)",
                                                      "ms": "\(Int(Date().timeIntervalSince(started) * 1000))"])
            answered(request.client, reply)
        }
    }

    private func next() -> ControlServer.Request? {
        condition.withLock {
            while queue.isEmpty && !stopped { condition.wait() }
            return stopped ? nil : queue.removeFirst()
        }
    }

    private func answer(_ request: ControlServer.Request, deadline: QueryDeadline) -> ControlReply {
        let command = request.body.command.rawValue
        do {
            return try QueryCommands(store: store, deadline: deadline).answer(request.body)
        } catch let error where deadline.isExpired || (error as? DatabaseError)?.resultCode == .SQLITE_INTERRUPT {
            let narrow = request.body.command == .track ? "narrow it (--region, --level, --from, --to) or " : ""
            return .response(.failure(.refused, """
                \(command) took longer than the query time limit of \(timeoutMilliseconds) ms ([control] query_timeout_ms in reportd.toml) and was stopped: \(narrow)raise the limit
                """))
        } catch {
            return .response(.failure(.internal, "\(command) failed: \(error)"))
        }
    }
}

/// When a query has had its time: set by the timer thread, read by the query thread.
final class QueryDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var expired = false
    let milliseconds: Int

    init(milliseconds: Int) { self.milliseconds = milliseconds }

    func expire() { lock.withLock { expired = true } }
    var isExpired: Bool { lock.withLock { expired } }

    /// Throws once the time is up: called between the steps of a query that SQLite does not run.
    func check() throws {
        if isExpired { throw QueryTimeUp() }
    }
}

struct QueryTimeUp: Error {}
