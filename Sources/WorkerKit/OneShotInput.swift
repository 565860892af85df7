import Foundation
import ReportProtocol

/// Reads a one-shot command's input: a file path, or `-` for standard input.
public enum OneShotInput {
    public static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw JobFailure(reason: "cannot read \(path): \(error.localizedDescription)", retryable: false)
        }
    }
}
