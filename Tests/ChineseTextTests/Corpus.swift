import Foundation

/// The sample reports in Tests/Fixtures/corpus, found from this file's path.
enum Corpus {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("Fixtures/corpus")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        fatalError("Tests/Fixtures/corpus not found above \(#filePath)")
    }()

    /// The sample whose name starts with `number` ("000" … "004").
    static func bytes(_ number: String) throws -> [UInt8] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.first(where: { $0.hasPrefix(number + "_") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(directory.path)/\(number)_*"])
        }
        return Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func text(_ number: String) throws -> String {
        String(decoding: try bytes(number), as: UTF8.self)
    }

    /// GB18030 through Foundation's CoreFoundation encoding number, independent of the decoder.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
}
