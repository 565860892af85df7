import FuzzerDriver
import Foundation
import ReportParsing

/// The whole parser on any bytes: it may refuse them (ParseFailure), never crash or hang.
func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let parser = ReportParser()
    guard let document = try? parser.parse(bytes: bytes, fileName: "fuzz.txt") else { return 0 }
    var sections = document.sections
    while let section = sections.popLast() {
        precondition(document.paragraphs.indices.contains(section.paragraphIndex), "a section points outside the paragraphs")
        sections += section.children
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzParser(data, size) })
