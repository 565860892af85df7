import Foundation
import XCTest
@testable import Daemon

final class PluginCommandResolutionTests: XCTestCase {
    private func makeFile(_ url: URL, mode: Int) throws {
        try write("#!/bin/sh\n", to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    func testBesideReportdComesBeforePATH() throws {
        let directory = try makeTemporaryDirectory(self)
        let beside = directory.appendingPathComponent("bin")
        let onPath = directory.appendingPathComponent("path")
        for folder in [beside, onPath] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try makeFile(folder.appendingPathComponent("report-parser"), mode: 0o755)
        }
        let manifest = PluginManifest(name: "parser", command: "report-parser", services: ["parser"])
        XCTAssertEqual(manifest.resolveCommand(besides: beside, path: onPath.path),
                       beside.appendingPathComponent("report-parser").path)
        XCTAssertEqual(manifest.resolveCommand(besides: directory, path: "/nonexistent:\(onPath.path)"),
                       onPath.appendingPathComponent("report-parser").path)
    }

    func testNonExecutableFilesAndDirectoriesAreSkipped() throws {
        let directory = try makeTemporaryDirectory(self)
        try makeFile(directory.appendingPathComponent("tool"), mode: 0o644)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("dir"), withIntermediateDirectories: true)
        XCTAssertNil(PluginManifest(name: "t", command: "tool", services: ["s"]).resolveCommand(besides: directory, path: ""))
        XCTAssertNil(PluginManifest(name: "d", command: "dir", services: ["s"]).resolveCommand(besides: directory, path: ""))
    }

    func testAbsoluteCommandsAreUsedAsGiven() throws {
        let directory = try makeTemporaryDirectory(self)
        XCTAssertEqual(PluginManifest(name: "sh", command: "/bin/sh", services: ["s"])
            .resolveCommand(besides: directory, path: ""), "/bin/sh")
        XCTAssertNil(PluginManifest(name: "x", command: "/nonexistent/x", services: ["s"])
            .resolveCommand(besides: directory, path: "/bin"))
    }
}
