import Foundation

/// The worker protocol between the broker (ROUTER) and a plugin (DEALER).
/// Every message starts with the protocol frame `reportd.worker/1`; docs/PROTOCOL.md is the spec.
public enum WorkerProtocol {
    public static let version = 1
    public static let header = "reportd.worker/\(version)"
    static let headerPrefix = "reportd.worker/"
}

/// What a worker says when it connects.
public struct WorkerHello: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var protocolVersion: Int
    public var services: [String]
    /// Shown in logs and status only: a worker's own word is never a reason to signal a process.
    public var pid: Int32?
    /// `REPORTD_WORKER_TOKEN` of a plugin the daemon started: proves which of its processes this
    /// is, so a stuck worker's process can be replaced. Remote workers have none.
    public var token: String?

    public init(name: String, version: String, services: [String], pid: Int32? = nil, token: String? = nil) {
        self.name = name
        self.version = version
        self.protocolVersion = WorkerProtocol.version
        self.services = services
        self.pid = pid
        self.token = token
    }
}

/// The broker's answer to READY: how often to beat and when a silent peer counts as dead.
public struct WorkerWelcome: Codable, Sendable, Equatable {
    public var heartbeatMs: Int
    public var liveness: Int
    /// The daemon's `log_level`; the broker sends WELCOME again when a reload changes it. Absent
    /// from older daemons. Workers the daemon started follow it (docs/PROTOCOL.md).
    public var logLevel: String?

    public init(heartbeatMs: Int, liveness: Int, logLevel: String? = nil) {
        self.heartbeatMs = heartbeatMs
        self.liveness = liveness
        self.logLevel = logLevel
    }
}

/// A failed job as the worker reports it. Retryable failures are tried again, others end the report.
public struct JobFailure: Codable, Sendable, Equatable, Error {
    public var reason: String
    public var retryable: Bool

    public init(reason: String, retryable: Bool) {
        self.reason = reason
        self.retryable = retryable
    }
}

/// A message from a worker to the broker.
public enum WorkerMessage: Sendable, Equatable {
    case ready(WorkerHello)
    case heartbeat
    /// `body` is the service's JSON result.
    case result(jobId: String, body: [UInt8])
    case failure(jobId: String, JobFailure)
    case bye

    public func frames() throws -> [[UInt8]] {
        let header = Array(WorkerProtocol.header.utf8)
        switch self {
        case .ready(let hello): return [header, Array("READY".utf8), try WireJSON.encode(hello)]
        case .heartbeat: return [header, Array("HEARTBEAT".utf8)]
        case .result(let jobId, let body): return [header, Array("RESULT".utf8), Array(jobId.utf8), body]
        case .failure(let jobId, let failure):
            return [header, Array("ERROR".utf8), Array(jobId.utf8), try WireJSON.encode(failure)]
        case .bye: return [header, Array("BYE".utf8)]
        }
    }

    public static func decode(_ frames: [[UInt8]]) throws -> WorkerMessage {
        let command = try WorkerFraming.command(frames)
        switch command {
        case "READY":
            try WorkerFraming.expect(frames, count: 3, command)
            return .ready(try WireJSON.decode(WorkerHello.self, from: frames[2]))
        case "HEARTBEAT": return .heartbeat
        case "RESULT":
            try WorkerFraming.expect(frames, count: 4, command)
            return .result(jobId: String(decoding: frames[2], as: UTF8.self), body: frames[3])
        case "ERROR":
            try WorkerFraming.expect(frames, count: 4, command)
            return .failure(jobId: String(decoding: frames[2], as: UTF8.self),
                            try WireJSON.decode(JobFailure.self, from: frames[3]))
        case "BYE": return .bye
        default: throw ProtocolError.unknownCommand("worker command \(command)")
        }
    }
}

/// A job as the broker sends it: `input` is the service's JSON request, `payload` raw bytes (a file, or empty).
public struct JobRequest: Sendable, Equatable {
    public var jobId: String
    public var service: String
    public var input: [UInt8]
    public var payload: [UInt8]

    public init(jobId: String, service: String, input: [UInt8], payload: [UInt8] = []) {
        self.jobId = jobId
        self.service = service
        self.input = input
        self.payload = payload
    }
}

/// A message from the broker to a worker.
public enum BrokerMessage: Sendable, Equatable {
    case welcome(WorkerWelcome)
    case job(JobRequest)
    case heartbeat
    /// The broker will not talk to this worker (wrong protocol version, unknown service…).
    case refused(String)
    case bye

    public func frames() throws -> [[UInt8]] {
        let header = Array(WorkerProtocol.header.utf8)
        switch self {
        case .welcome(let welcome): return [header, Array("WELCOME".utf8), try WireJSON.encode(welcome)]
        case .job(let job):
            return [header, Array("JOB".utf8), Array(job.jobId.utf8), Array(job.service.utf8), job.input, job.payload]
        case .heartbeat: return [header, Array("HEARTBEAT".utf8)]
        case .refused(let reason): return [header, Array("REFUSED".utf8), Array(reason.utf8)]
        case .bye: return [header, Array("BYE".utf8)]
        }
    }

    public static func decode(_ frames: [[UInt8]]) throws -> BrokerMessage {
        let command = try WorkerFraming.command(frames)
        switch command {
        case "WELCOME":
            try WorkerFraming.expect(frames, count: 3, command)
            return .welcome(try WireJSON.decode(WorkerWelcome.self, from: frames[2]))
        case "JOB":
            try WorkerFraming.expect(frames, count: 6, command)
            return .job(JobRequest(jobId: String(decoding: frames[2], as: UTF8.self),
                                   service: String(decoding: frames[3], as: UTF8.self),
                                   input: frames[4], payload: frames[5]))
        case "HEARTBEAT": return .heartbeat
        case "REFUSED":
            try WorkerFraming.expect(frames, count: 3, command)
            return .refused(String(decoding: frames[2], as: UTF8.self))
        case "BYE": return .bye
        default: throw ProtocolError.unknownCommand("broker command \(command)")
        }
    }
}

/// Checks shared by both directions: the protocol frame, then the command frame.
enum WorkerFraming {
    static func command(_ frames: [[UInt8]]) throws -> String {
        guard frames.count >= 2 else { throw ProtocolError.malformed("worker message has \(frames.count) frames, expected at least 2") }
        let header = String(decoding: frames[0], as: UTF8.self)
        guard header == WorkerProtocol.header else {
            if header.hasPrefix(WorkerProtocol.headerPrefix) {
                throw ProtocolError.unsupportedVersion("\(header), this side speaks \(WorkerProtocol.header)")
            }
            throw ProtocolError.malformed("first frame is not \(WorkerProtocol.header)")
        }
        return String(decoding: frames[1], as: UTF8.self)
    }

    static func expect(_ frames: [[UInt8]], count: Int, _ command: String) throws {
        guard frames.count == count else {
            throw ProtocolError.malformed("\(command) has \(frames.count) frames, expected \(count)")
        }
    }
}
