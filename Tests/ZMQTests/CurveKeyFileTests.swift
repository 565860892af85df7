import Foundation
import XCTest
@testable import ZMQ

/// Key files as `reportctl keygen` writes them and every client and the daemon read them.
final class CurveKeyFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("rzk-\(UUID().uuidString.prefix(8))")
        addTeardownBlock { [directory] in try? FileManager.default.removeItem(at: directory!) }
    }

    private func mode(_ url: URL) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o777
    }

    func testAWrittenPairReadsBackWithPrivateModesAndTheSecretAloneGivesThePair() throws {
        let keys = try CurveKeyPair.generate()
        let files = try CurveKeyFiles.write(keys, to: directory, name: "worker1", comment: "worker one")
        XCTAssertEqual(try mode(directory), 0o700)
        XCTAssertEqual(try mode(files.secretFile), 0o600)
        XCTAssertEqual(try mode(files.publicFile), 0o644)
        XCTAssertEqual(files.publicFile.lastPathComponent, "worker1.key")
        XCTAssertEqual(files.secretFile.lastPathComponent, "worker1.key_secret")
        XCTAssertEqual(try CurveKeyFiles.readKey(at: files.publicFile.path), keys.publicKey)
        XCTAssertEqual(try CurveKeyFiles.readKeyPair(secretFile: files.secretFile.path), keys)
        XCTAssertTrue(try String(contentsOf: files.publicFile, encoding: .utf8).hasPrefix("# worker one\n"))
    }

    func testAnExistingKeyIsNeverOverwritten() throws {
        let first = try CurveKeyPair.generate()
        try CurveKeyFiles.write(first, to: directory, name: "w")
        XCTAssertThrowsError(try CurveKeyFiles.write(try CurveKeyPair.generate(), to: directory, name: "w")) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        XCTAssertEqual(try CurveKeyFiles.readKeyPair(secretFile: CurveKeyFiles.secretFile(in: directory, name: "w").path), first)
    }

    func testASecretKeyOthersCanReadIsRefused() throws {
        let files = try CurveKeyFiles.write(try CurveKeyPair.generate(), to: directory, name: "open")
        chmod(files.secretFile.path, 0o644)
        XCTAssertThrowsError(try CurveKeyFiles.readKeyPair(secretFile: files.secretFile.path)) { error in
            XCTAssertTrue("\(error)".contains("chmod 600"), "\(error)")
        }
    }

    func testMalformedKeyFilesNameTheFile() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bad = directory.appendingPathComponent("bad.key")
        try Data("short\n".utf8).write(to: bad)
        XCTAssertThrowsError(try CurveKeyFiles.readKey(at: bad.path)) { error in
            XCTAssertEqual((error as? CurveKeyFileError)?.path, bad.path)
        }
        XCTAssertThrowsError(try CurveKeyFiles.readKey(at: directory.appendingPathComponent("missing.key").path))
    }

    func testClientCredentialsTakeTheServerKeyAsTextOrFileAndNeedBothSettings() throws {
        let server = try CurveKeyPair.generate()
        let serverFiles = try CurveKeyFiles.write(server, to: directory, name: "server")
        let client = try CurveKeyPair.generate()
        let clientFiles = try CurveKeyFiles.write(client, to: directory, name: "client")
        let expected = CurveClientCredentials(serverKey: server.publicKey, keys: client)
        for serverSetting in [server.publicKey, serverFiles.publicFile.path] {
            XCTAssertEqual(try CurveClientCredentials.resolve(serverKey: serverSetting, keyFile: clientFiles.secretFile.path,
                                                              serverSetting: "S", keySetting: "K"), expected)
        }
        XCTAssertNil(try CurveClientCredentials.resolve(serverKey: nil, keyFile: "", serverSetting: "S", keySetting: "K"))
        XCTAssertThrowsError(try CurveClientCredentials.resolve(serverKey: server.publicKey, keyFile: nil,
                                                                serverSetting: "S", keySetting: "K")) { error in
            XCTAssertEqual((error as? IncompleteCurveSettings)?.missing, "K")
        }
        XCTAssertThrowsError(try CurveClientCredentials.resolve(serverKey: nil, keyFile: clientFiles.secretFile.path,
                                                                serverSetting: "S", keySetting: "K")) { error in
            XCTAssertEqual((error as? IncompleteCurveSettings)?.missing, "S")
        }
    }

    func testTheSecretKeyAloneGivesThePairAndOnlyWholeKeysEncode() throws {
        let keys = try CurveKeyPair.generate()
        XCTAssertNil(CurveKeyPair.z85([1, 2, 3]))
        XCTAssertEqual(try CurveKeyPair(secretKey: keys.secretKey).publicKey, keys.publicKey)
        XCTAssertThrowsError(try CurveKeyPair(secretKey: "not a key"))
    }
}
