import FuzzerDriver
import Foundation
@_spi(WireFuzzing) import ReportProtocol

/// The hand-written wire readers against JSONDecoder on any bytes: whatever the fast reader
/// accepts, JSONDecoder must accept too and read as the same value (compared through the
/// Codable encoder's bytes, which tell -0.0 from 0.0). The readers walk worker input with
/// unsafe pointers, so ASan also checks that no input reads outside it.
func fuzzWire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    check(ParsedDocument.self, bytes)
    check(DocumentInput.self, bytes)
    check(SummaryResult.self, bytes)
    check(ParseInput.self, bytes)
    return 0
}

func check<T: Codable>(_ type: T.Type, _ bytes: [UInt8]) {
    guard let fast = WireFastReaderProbe.read(type, from: bytes) else { return }
    guard let reference = try? WireJSON.decoder.decode(type, from: Data(bytes)) else {
        preconditionFailure("the fast reader accepted a \(type) that JSONDecoder refuses: \(String(decoding: bytes, as: UTF8.self))")
    }
    let encoder = WireJSON.encoder
    guard let fastBytes = try? encoder.encode(fast), let referenceBytes = try? encoder.encode(reference) else {
        preconditionFailure("a \(type) read from the wire cannot be written back")
    }
    precondition(fastBytes == referenceBytes,
                 "the fast reader read a different \(type) than JSONDecoder from \(String(decoding: bytes, as: UTF8.self))")
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzWire(data, size) })
