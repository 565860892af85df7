import CZMQ

public enum SocketType: Sendable {
    case pair, pub, sub, req, rep, dealer, router, pull, push, xpub, xsub

    var raw: Int32 {
        switch self {
        case .pair: ZMQ_PAIR
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pull: ZMQ_PULL
        case .push: ZMQ_PUSH
        case .xpub: ZMQ_XPUB
        case .xsub: ZMQ_XSUB
        }
    }
}

/// One libzmq socket. Not thread-safe: give each socket a single owning thread.
public final class Socket {
    let handle: UnsafeMutableRawPointer
    private var isClosed = false
    // Keeps the context alive for as long as any of its sockets.
    let context: Context

    init(context: Context, type: SocketType) throws {
        guard let handle = zmq_socket(context.handle, type.raw) else { throw ZMQError.last("zmq_socket") }
        self.handle = handle
        self.context = context
        var linger: Int32 = 0
        zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    deinit { close() }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }

    public func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("bind \(endpoint)") }
    }

    public func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("connect \(endpoint)") }
    }

    /// The endpoint actually bound, useful after binding `tcp://127.0.0.1:*`.
    public var lastEndpoint: String {
        (try? stringOption(ZMQ_LAST_ENDPOINT)) ?? ""
    }

    // MARK: Sending

    /// Sends one frame; `more` marks that further frames of the same message follow.
    /// Returns false when `dontWait` is set and the send would block.
    @discardableResult
    public func send(_ bytes: [UInt8], more: Bool = false, dontWait: Bool = false) throws -> Bool {
        var flags: Int32 = 0
        if more { flags |= ZMQ_SNDMORE }
        if dontWait { flags |= ZMQ_DONTWAIT }
        while true {
            let rc = bytes.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            if rc >= 0 { return true }
            let error = ZMQError.last("send")
            if error.isInterrupted { continue }
            if error.wouldBlock && dontWait { return false }
            throw error
        }
    }

    /// Sends every frame of a multipart message, atomically as far as peers can see.
    @discardableResult
    public func send(multipart frames: [[UInt8]], dontWait: Bool = false) throws -> Bool {
        for (index, frame) in frames.enumerated() {
            let sent = try send(frame, more: index < frames.count - 1, dontWait: dontWait)
            // libzmq only refuses the first frame for lack of room; the rest then always go.
            if !sent { return false }
        }
        return true
    }

    // MARK: Receiving

    /// Receives one whole multipart message, or nil when `dontWait` is set and nothing is queued.
    public func receiveMultipart(dontWait: Bool = false) throws -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        repeat {
            guard let frame = try receiveFrame(dontWait: dontWait && frames.isEmpty) else { return nil }
            frames.append(frame)
        } while hasMoreFrames
        return frames
    }

    private func receiveFrame(dontWait: Bool) throws -> [UInt8]? {
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            let rc = zmq_msg_recv(&message, handle, dontWait ? ZMQ_DONTWAIT : 0)
            if rc >= 0 { break }
            let error = ZMQError.last("receive")
            if error.isInterrupted { continue }
            if error.wouldBlock && dontWait { return nil }
            throw error
        }
        let size = zmq_msg_size(&message)
        guard size > 0, let data = zmq_msg_data(&message) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    private var hasMoreFrames: Bool {
        (try? intOption(ZMQ_RCVMORE)) == 1
    }

    // MARK: Options

    public func setOption(_ option: Int32, _ value: Int32) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQError.last("setsockopt \(option)")
        }
    }

    public func setOption(_ option: Int32, _ value: [UInt8]) throws {
        let rc = value.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard rc == 0 else { throw ZMQError.last("setsockopt \(option)") }
    }

    public func setOption(_ option: Int32, _ value: String) throws {
        try setOption(option, Array(value.utf8))
    }

    public func setInt64Option(_ option: Int32, _ value: Int64) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size) == 0 else {
            throw ZMQError.last("setsockopt \(option)")
        }
    }

    public func intOption(_ option: Int32) throws -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, option, &value, &size) == 0 else { throw ZMQError.last("getsockopt \(option)") }
        return value
    }

    public func stringOption(_ option: Int32) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        var size = buffer.count
        guard zmq_getsockopt(handle, option, &buffer, &size) == 0 else { throw ZMQError.last("getsockopt \(option)") }
        return String(decoding: buffer.prefix(while: { $0 != 0 }), as: UTF8.self)
    }

    /// The socket's file descriptor, readable when ZMQ_EVENTS may have changed.
    public var fileDescriptor: Int32 {
        var fd: Int32 = -1
        var size = MemoryLayout<Int32>.size
        zmq_getsockopt(handle, ZMQ_FD, &fd, &size)
        return fd
    }
}

/// Named options, so callers do not need the C constants.
extension Socket {
    public func setLinger(milliseconds: Int32) throws { try setOption(ZMQ_LINGER, milliseconds) }
    public func setSendHighWaterMark(_ messages: Int32) throws { try setOption(ZMQ_SNDHWM, messages) }
    public func setReceiveHighWaterMark(_ messages: Int32) throws { try setOption(ZMQ_RCVHWM, messages) }
    public func setReceiveTimeout(milliseconds: Int32) throws { try setOption(ZMQ_RCVTIMEO, milliseconds) }
    public func setSendTimeout(milliseconds: Int32) throws { try setOption(ZMQ_SNDTIMEO, milliseconds) }
    public func setIdentity(_ identity: [UInt8]) throws { try setOption(ZMQ_ROUTING_ID, identity) }
    /// ROUTER: fail with EHOSTUNREACH instead of silently dropping messages to unknown peers.
    public func setRouterMandatory(_ on: Bool) throws { try setOption(ZMQ_ROUTER_MANDATORY, on ? 1 : 0) }
    /// XPUB: pass every subscription message up, not only the first for a topic.
    public func setXPubVerbose(_ on: Bool) throws { try setOption(ZMQ_XPUB_VERBOSE, on ? 1 : 0) }
    /// On, an XPUB refuses a send (EAGAIN) when any matching subscriber is at its high-water mark,
    /// and sends it to no one; off (the default), it sends to everyone else and drops it for that one.
    public func setXPubNoDrop(_ on: Bool) throws { try setOption(ZMQ_XPUB_NODROP, on ? 1 : 0) }
    public func subscribe(_ prefix: String) throws { try setOption(ZMQ_SUBSCRIBE, prefix) }
    public func setIPv6(_ on: Bool) throws { try setOption(ZMQ_IPV6, on ? 1 : 0) }
    /// ZMQ_MAXMSGSIZE: a peer that sends a larger message is disconnected before it is read
    /// into memory. Applies to connections made after it is set: set it before bind or connect.
    public func setMaxMessageSize(_ bytes: Int) throws { try setInt64Option(ZMQ_MAXMSGSIZE, Int64(bytes)) }
    /// Sets the `ZMQ_ZAP_DOMAIN` that selects the authentication handler for this socket.
    public func setZAPDomain(_ domain: String) throws { try setOption(ZMQ_ZAP_DOMAIN, domain) }
}
