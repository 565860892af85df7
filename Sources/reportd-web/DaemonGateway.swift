import Dispatch
import Foundation
import ReportClient
import ReportProtocol
import ZMQ

/// The web view's way to the daemon: control requests from async handlers, each made on a
/// blocking GCD thread with a `ControlClient` taken from a small pool (a ZeroMQ socket is used by
/// one thread at a time; the lock hands it over with the needed memory barrier).
final class DaemonGateway: @unchecked Sendable {
    let controlEndpoint: String
    let feedEndpoint: String
    let curve: CurveClientCredentials?
    let timeoutSeconds: Double
    let context: Context
    private let lock = NSLock()
    private var idle: [ControlClient] = []
    private let queue = DispatchQueue(label: "reportd-web.control", attributes: .concurrent)

    init(control: String, feed: String, curve: CurveClientCredentials?, timeoutSeconds: Double) throws {
        controlEndpoint = control
        feedEndpoint = feed
        self.curve = curve
        self.timeoutSeconds = timeoutSeconds
        context = try Context()
    }

    /// A new client for a caller that keeps it (a live feed's thread).
    func makeClient() throws -> ControlClient {
        try ControlClient(context: context, endpoint: controlEndpoint, curve: curve, timeoutSeconds: timeoutSeconds)
    }

    func call<View: Decodable & Sendable>(_ request: ControlRequest, as type: View.Type) async throws -> View {
        try await withClient { try $0.call(request, as: type) }
    }

    /// Runs `body` with a pooled client on a thread that may block, for requests that belong together.
    func withClient<Result: Sendable>(_ body: @escaping @Sendable (ControlClient) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                do {
                    let client = try take()
                    defer { give(client) }
                    continuation.resume(returning: try body(client))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func take() throws -> ControlClient {
        lock.lock()
        let client = idle.popLast()
        lock.unlock()
        return try client ?? makeClient()
    }

    private func give(_ client: ControlClient) {
        lock.lock()
        idle.append(client)
        lock.unlock()
    }
}
