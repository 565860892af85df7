import Foundation
import XCTest
@testable import ZMQ

final class SocketTests: XCTestCase {
    func testMultipartMessagesArriveWholeAndInOrder() throws {
        let context = try Context()
        let server = try context.socket(.router)
        try server.bind("inproc://multipart")
        let client = try context.socket(.dealer)
        try client.connect("inproc://multipart")

        let frames: [[UInt8]] = [[], Array("header".utf8), Array(repeating: 7, count: 100_000), []]
        XCTAssertTrue(try client.send(multipart: frames))
        let received = try XCTUnwrap(receive(from: server))
        XCTAssertEqual(received.count, frames.count + 1, "the ROUTER prepends the sender's identity")
        XCTAssertEqual(Array(received.dropFirst()), frames)

        try server.send(multipart: [received[0], Array("reply".utf8)])
        XCTAssertEqual(try receive(from: client), [Array("reply".utf8)])
    }

    func testReceiveWithoutWaitingReturnsNilWhenNothingIsQueued() throws {
        let context = try Context()
        let socket = try context.socket(.pull)
        try socket.bind("inproc://empty")
        XCTAssertNil(try socket.receiveMultipart(dontWait: true))
    }

    func testPollTimesOutWithNoEventsAndSeesAReadySocketAndAPipe() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.bind("inproc://poll")
        let push = try context.socket(.push)
        try push.connect("inproc://poll")
        let mailbox = Mailbox<Int>()

        var poller = Poller()
        poller.add(pull)
        poller.add(fileDescriptor: mailbox.fileDescriptor)
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 10), [[], []])

        try push.send(Array("x".utf8))
        mailbox.post(42)
        var ready: [PollEvents] = [[], []]
        for _ in 0..<100 where !(ready[0].contains(.readable) && ready[1].contains(.readable)) {
            let events = try poller.poll(timeoutMilliseconds: 100)
            ready = zip(ready, events).map { $0.union($1) }
        }
        XCTAssertTrue(ready[0].contains(.readable))
        XCTAssertTrue(ready[1].contains(.readable))
        XCTAssertEqual(mailbox.take(), [42])
        XCTAssertEqual(mailbox.take(), [], "taking empties the mailbox")
    }

    func testErrorsCarryTheOperationAndZmqStrerror() throws {
        let context = try Context()
        let socket = try context.socket(.router)
        XCTAssertThrowsError(try socket.bind("nonsense://nowhere")) { error in
            let zmqError = error as? ZMQError
            XCTAssertEqual(zmqError?.operation, "bind nonsense://nowhere")
            XCTAssertEqual(zmqError?.message, "Protocol not supported")
        }
    }

    func testRouterMandatoryReportsAnUnknownPeer() throws {
        let context = try Context()
        let router = try context.socket(.router)
        try router.setRouterMandatory(true)
        try router.bind("inproc://mandatory")
        XCTAssertThrowsError(try router.send(multipart: [Array("nobody".utf8), Array("hi".utf8)])) { error in
            XCTAssertTrue((error as? ZMQError)?.isUnroutable == true, "\(error)")
        }
    }

    func testCurveKeysAuthenticateAClientThatKnowsTheServerKey() throws {
        XCTAssertTrue(Context.has("curve"))
        let serverKeys = try CurveKeyPair.generate()
        let clientKeys = try CurveKeyPair.generate()
        XCTAssertTrue(CurveKeyPair.isValidKey(serverKeys.publicKey))
        XCTAssertFalse(CurveKeyPair.isValidKey("too short"))
        XCTAssertNotEqual(serverKeys, clientKeys)

        let context = try Context()
        let server = try context.socket(.router)
        try server.makeCurveServer(serverKeys)
        try server.bind("tcp://127.0.0.1:*")
        let client = try context.socket(.dealer)
        try client.makeCurveClient(clientKeys, serverKey: serverKeys.publicKey)
        try client.connect(server.lastEndpoint)
        try client.send(Array("sealed".utf8))
        XCTAssertEqual(try receive(from: server)?.last, Array("sealed".utf8))
    }

    private func receive(from socket: Socket, timeoutMilliseconds: Int = 5000) throws -> [[UInt8]]? {
        var poller = Poller()
        poller.add(socket)
        let deadline = Date() + Double(timeoutMilliseconds) / 1000
        while Date() < deadline {
            if try poller.poll(timeoutMilliseconds: 100)[0].contains(.readable) {
                return try socket.receiveMultipart(dontWait: true)
            }
        }
        return nil
    }
}
