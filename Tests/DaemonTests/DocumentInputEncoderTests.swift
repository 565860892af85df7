import ReportProtocol
import XCTest
@testable import Daemon

final class DocumentInputEncoderTests: XCTestCase {
    func testTheSplicedInputDecodesAsADocumentInput() throws {
        let document = ParsedDocument(title: "2023年政府工作报告", region: "延庆区", encoding: "utf-8",
                                      paragraphs: ["一、回顾"], sections: [], indicators: [], parserVersion: "1")
        let bytes = DocumentInputEncoder.encode(reportId: "abc", file: "名字 \"quoted\".txt",
                                                document: try WireJSON.encode(document))
        let input = try WireJSON.decode(DocumentInput.self, from: bytes)
        XCTAssertEqual(input.reportId, "abc")
        XCTAssertEqual(input.file, "名字 \"quoted\".txt")
        XCTAssertEqual(input.document, document)
    }
}
