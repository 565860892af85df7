import Foundation
import ReportProtocol
import XCTest
import ZMQ
@testable import Daemon

/// The ZAP handler against real CURVE handshakes: real keys, real sockets on TCP.
final class ZAPHandlerTests: XCTestCase {
    private var root: URL!
    private var authorized: URL!
    private var workerKeys: URL!
    private var context: Context!
    private var log: RecordingLogHandler!
    private var credentials: DaemonCredentials!

    override func setUpWithError() throws {
        root = try makeTemporaryDirectory(self)
        authorized = DataDirectoryLayout(root).authorizedKeys
        workerKeys = DataDirectoryLayout(root).workerKeys
        credentials = try DaemonCredentials.loadOrCreate(dataDir: root, authorizedKeysDirectory: authorized,
                                                         workerKeysDirectory: workerKeys)
        context = try Context()
        log = RecordingLogHandler()
    }

    /// A CURVE ROUTER on a network-exposed address (as the daemon binds it) behind a ZAP handler.
    private func curveServer(for audience: SocketSecurity.Audience = .clients,
                             zap existing: ZAPHandler? = nil) throws -> (zap: ZAPHandler, server: Socket, endpoint: String) {
        let zap = try existing ?? ZAPHandler(context: context, clientKeysDirectory: authorized, workerKeysDirectory: workerKeys,
                                             alwaysAllowedWorkers: [credentials.plugins.publicKey: "reportd-plugins"],
                                             logger: log.logger)
        let server = try context.socket(.router)
        try SocketSecurity(credentials: credentials).bind(server, to: "tcp://0.0.0.0:*", for: audience)
        let port = try XCTUnwrap(server.lastEndpoint.split(separator: ":").last)
        return (zap, server, "tcp://127.0.0.1:\(port)")
    }

    private func client(_ keys: CurveKeyPair, to endpoint: String) throws -> (socket: Socket, monitor: Socket) {
        let socket = try context.socket(.dealer)
        try socket.useCurve(CurveClientCredentials(serverKey: credentials.server.publicKey, keys: keys), for: endpoint)
        let monitor = try socket.monitorHandshakes()
        try socket.connect(endpoint)
        return (socket, monitor)
    }

    func testAnAuthorisedKeyGetsThroughAndAnUnknownOneIsRefusedAndLogged() throws {
        let (zap, server, endpoint) = try curveServer()
        let alice = try CurveKeyPair.generate()
        try CurveKeyFiles.write(alice, to: authorized, name: "alice")
        let mallory = try CurveKeyPair.generate()

        let good = try client(alice, to: endpoint)
        let bad = try client(mallory, to: endpoint)
        try good.socket.send(Array("from alice".utf8))
        try bad.socket.send(Array("from mallory".utf8))

        var decisions: [ZAPAuthenticator.Decision] = []
        var delivered: [String] = []
        var badEvents: [SocketEvent] = []
        waitUntil("alice's message arrives and mallory's handshake fails", step: {
            decisions += zap.answerPending()
            while let frames = try? server.receiveMultipart(dontWait: true) { delivered.append(String(decoding: frames[1], as: UTF8.self)) }
            while let event = try? bad.monitor.receiveMonitorEvent() { badEvents.append(event) }
        }) {
            delivered.contains("from alice") && badEvents.contains(where: \.isAuthenticationFailure)
        }
        XCTAssertEqual(delivered, ["from alice"], "nothing from the refused client reaches the socket")
        XCTAssertEqual(badEvents.first(where: \.isAuthenticationFailure)?.value, 400)

        let accepted = try XCTUnwrap(decisions.first { $0.clientKey == alice.publicKey })
        XCTAssertEqual(accepted.statusCode, "200")
        XCTAssertEqual(accepted.userId, "alice", "the key file's name becomes the connection's User-Id")
        XCTAssertEqual(accepted.mechanism, "CURVE")
        XCTAssertEqual(accepted.address, "127.0.0.1")
        let refused = try XCTUnwrap(decisions.first { $0.clientKey == mallory.publicKey })
        XCTAssertEqual(refused.statusCode, "400")

        let warnings = log.entries(containing: "refused client 127.0.0.1 with key \(mallory.publicKey.prefix(8))")
        XCTAssertEqual(warnings.count, 1, "\(log.entries.map(\.message))")
        XCTAssertEqual(warnings.first?.level, .warning)
        XCTAssertFalse(warnings[0].message.contains(mallory.publicKey), "only a prefix of the key is logged")
        withExtendedLifetime(good) {}
    }

    func testAKeyAuthorisedWhileTheDaemonRunsIsAcceptedWithoutARestart() throws {
        let (zap, server, endpoint) = try curveServer()
        let bob = try CurveKeyPair.generate()
        let first = try client(bob, to: endpoint)
        var refusedOnce = false
        waitUntil("bob's first handshake is refused", step: {
            zap.answerPending()
            while let event = try? first.monitor.receiveMonitorEvent() { refusedOnce = refusedOnce || event.isAuthenticationFailure }
        }) { refusedOnce }
        first.socket.close()

        try CurveKeyFiles.write(bob, to: authorized, name: "bob")
        let second = try client(bob, to: endpoint)
        try second.socket.send(Array("hello".utf8))
        var arrived: [[UInt8]]?
        waitUntil("bob's message arrives", step: {
            zap.answerPending()
            arrived = arrived ?? (try? server.receiveMultipart(dontWait: true))
        }) { arrived != nil }
        XCTAssertEqual(arrived?.last, Array("hello".utf8))
        withExtendedLifetime(second) {}
    }

    func testTheDaemonsOwnPluginKeyIsTrustedWithoutAFile() throws {
        let (zap, server, endpoint) = try curveServer(for: .workers)
        let plugin = try client(credentials.plugins, to: endpoint)
        try plugin.socket.send(Array("ready".utf8))
        var arrived: [[UInt8]]?
        waitUntil("the plugin's message arrives", step: {
            zap.answerPending()
            arrived = arrived ?? (try? server.receiveMultipart(dontWait: true))
        }) { arrived != nil }
        XCTAssertEqual(arrived?.last, Array("ready".utf8))
        withExtendedLifetime(plugin) {}
    }

    /// A worker's key is not an admin key: it opens the worker socket and nothing else, and a
    /// client's key (reportctl, a subscriber) cannot serve jobs; the plugins' key is a worker key.
    func testWorkerKeysOpenOnlyTheWorkerSocketAndClientKeysOnlyTheOthers() throws {
        let (zap, clients, clientEndpoint) = try curveServer(for: .clients)
        let (_, workers, workerEndpoint) = try curveServer(for: .workers, zap: zap)
        let worker = try CurveKeyPair.generate(), admin = try CurveKeyPair.generate()
        try CurveKeyFiles.write(worker, to: workerKeys, name: "remote-parser")
        try CurveKeyFiles.write(admin, to: authorized, name: "operator")

        let attempts = [("worker on workers", worker, workerEndpoint), ("worker on control", worker, clientEndpoint),
                        ("operator on control", admin, clientEndpoint), ("operator on workers", admin, workerEndpoint),
                        ("plugins on control", credentials.plugins, clientEndpoint)]
        let connections = try attempts.map { name, keys, endpoint in
            let connection = try client(keys, to: endpoint)
            try connection.socket.send(Array(name.utf8))
            return (name, connection)
        }
        var delivered: Set<String> = []
        var refused: Set<String> = []
        waitUntil("two messages delivered and three handshakes refused", step: {
            zap.answerPending()
            for server in [clients, workers] {
                while let frames = try? server.receiveMultipart(dontWait: true) { delivered.insert(String(decoding: frames[1], as: UTF8.self)) }
            }
            for (name, connection) in connections {
                while let event = try? connection.monitor.receiveMonitorEvent() {
                    if event.isAuthenticationFailure { refused.insert(name) }
                }
            }
        }) { delivered.count == 2 && refused.count == 3 }
        XCTAssertEqual(delivered, ["worker on workers", "operator on control"])
        XCTAssertEqual(refused, ["worker on control", "operator on workers", "plugins on control"])
        let misplaced = log.entries(containing: "with key \(worker.publicKey.prefix(8))")
        XCTAssertTrue(misplaced.first?.message.hasSuffix("the key is authorised in \(workerKeys.path), which opens the other sockets only") == true,
                      "\(misplaced.map(\.message))")
        withExtendedLifetime(connections) {}
    }

    func testMalformedAndNonCurveRequestsAreRefused() throws {
        let key = try CurveKeyPair.generate()
        let binaryKey = try XCTUnwrap(Self.decodeZ85(key.publicKey))
        let keys = AuthorizedKeys(names: [key.publicKey: "carol"])
        func frames(_ version: String = "1.0", mechanism: String, credentials: [[UInt8]]) -> [[UInt8]] {
            [Array(version.utf8), [7], Array("reportd".utf8), Array("10.0.0.2".utf8), [], Array(mechanism.utf8)] + credentials
        }
        let ok = ZAPAuthenticator.decide(frames(mechanism: "CURVE", credentials: [binaryKey]), keys: keys)
        XCTAssertEqual(ok.replyFrames, [Array("1.0".utf8), [7], Array("200".utf8), Array("OK".utf8), Array("carol".utf8), []])
        XCTAssertEqual(ZAPAuthenticator.decide(frames("2.0", mechanism: "CURVE", credentials: [binaryKey]), keys: keys).statusCode, "500")
        XCTAssertEqual(ZAPAuthenticator.decide(frames(mechanism: "NULL", credentials: []), keys: keys).statusCode, "400")
        XCTAssertEqual(ZAPAuthenticator.decide(frames(mechanism: "PLAIN", credentials: [Array("u".utf8), Array("p".utf8)]), keys: keys).statusCode, "400")
        XCTAssertEqual(ZAPAuthenticator.decide(frames(mechanism: "CURVE", credentials: [[1, 2, 3]]), keys: keys).statusCode, "500")
        XCTAssertEqual(ZAPAuthenticator.decide([Array("1.0".utf8)], keys: keys).statusCode, "500")
    }

    func testAuthorisedKeysSkipBadFilesAndOtherNames() throws {
        let dave = try CurveKeyPair.generate()
        try CurveKeyFiles.write(dave, to: authorized, name: "dave")
        try write("not a key\n", to: authorized.appendingPathComponent("typo.key"))
        try write(try CurveKeyPair.generate().publicKey, to: authorized.appendingPathComponent("notes.txt"))
        let keys = AuthorizedKeys.read(directory: authorized)
        XCTAssertEqual(keys.names, [dave.publicKey: "dave"], "only valid *.key files count; the secret file is not a .key")
        XCTAssertEqual(keys.unreadable.map(\.path), [authorized.appendingPathComponent("typo.key").path])
    }

    func testRefusalsOfOnePeerAreLoggedOncePerIntervalWithACountOfTheRest() {
        var log = RefusalLog(interval: 60)
        let start = ContinuousClock.now
        XCTAssertEqual(log.shouldLog(address: "10.0.0.2", key: "abc", now: start).log, true)
        XCTAssertEqual(log.shouldLog(address: "10.0.0.2", key: "abc", now: start + 1).log, false)
        XCTAssertEqual(log.shouldLog(address: "10.0.0.2", key: "abc", now: start + 59).log, false)
        XCTAssertEqual(log.shouldLog(address: "10.0.0.3", key: "abc", now: start + 2).log, true, "another peer is logged")
        let later = log.shouldLog(address: "10.0.0.2", key: "abc", now: start + 61)
        XCTAssertEqual(later.log, true)
        XCTAssertEqual(later.suppressed, 2)
    }

    func testKeyFilesAreCreatedPrivateAndReusedAtTheNextStart() throws {
        let keys = DataDirectoryLayout(root).keys
        XCTAssertEqual(try mode(keys), 0o700)
        XCTAssertEqual(try mode(authorized), 0o700)
        XCTAssertEqual(try mode(credentials.directory.appendingPathComponent("server.key_secret")), 0o600)
        XCTAssertEqual(try mode(credentials.directory.appendingPathComponent("plugins.key_secret")), 0o600)
        XCTAssertEqual(try mode(credentials.serverPublicKeyFile), 0o644)
        let again = try DaemonCredentials.loadOrCreate(dataDir: root, authorizedKeysDirectory: authorized)
        XCTAssertEqual(again.server, credentials.server, "the server key survives a restart")
        XCTAssertEqual(try CurveKeyFiles.readKey(at: credentials.serverPublicKeyFile.path), credentials.server.publicKey)
    }

    private func mode(_ url: URL) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o777
    }

    /// Z85 decoding for test requests; the handler itself only ever encodes.
    private static func decodeZ85(_ text: String) -> [UInt8]? {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)
        var bytes: [UInt8] = []
        var value: UInt32 = 0
        for (index, character) in text.utf8.enumerated() {
            guard let digit = alphabet.firstIndex(of: character) else { return nil }
            value = value &* 85 &+ UInt32(digit)
            if index % 5 == 4 {
                bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
                value = 0
            }
        }
        return bytes
    }
}
