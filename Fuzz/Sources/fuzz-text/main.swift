import ChineseText
import FuzzerDriver
import Foundation

/// Any bytes, any file name: decoding either fails with a TextDecodingError or yields text,
/// and the paragraphs rebuilt from that text are non-empty lines of it.
func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the name the file arrived under, since HTML is sniffed partly by extension.
    let names = ["report.txt", "report.html", "report", "报告.htm"]
    let name = names[Int(bytes.first ?? 0) % names.count]
    guard let decoded = try? TextDecoder.decode(bytes, fileName: name) else { return 0 }
    for paragraph in TextNormalizer.paragraphs(from: decoded.text) {
        precondition(!paragraph.isEmpty, "an empty paragraph")
        precondition(!paragraph.contains("\n"), "a paragraph with a line break")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzText(data, size) })
