import Foundation
@testable import ChineseText
import TestSupport

/// The real dictionaries, loaded once per test process: the jieba dictionary takes seconds to
/// load in a debug build.
enum SegmentationTestSupport {
    static let domainDictionary = Repository.config.appendingPathComponent("dict/domain.txt")

    static let standard: Result<Segmenter, Error> = Result {
        try Segmenter.standard(domainDictionary: domainDictionary)
    }

    static func segmenter() throws -> Segmenter {
        try standard.get()
    }

    /// A scratch directory for small hand-written dictionaries, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("segmentation-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func write(_ text: String, to name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
