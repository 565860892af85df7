import ChineseText
import Foundation
import TestSupport
import XCTest

/// DOCX reading on archives made here: paragraphs and heading styles kept, bombs refused.
final class DocumentTextTests: XCTestCase {
    func testWordParagraphsHeadingsAndBoldLeadPhrases() throws {
        let xml = """
        <w:document xmlns:w="x"><w:body>
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、2022年工作回顾</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>经济稳中有进。</w:t></w:r><w:r><w:t xml:space="preserve">地区生产总值&lt;预计&gt;213亿元</w:t></w:r><w:r><w:t>，增长4%。</w:t></w:r></w:p>
        <w:p><w:r><w:delText>删掉的字</w:delText><w:t>第二段</w:t><w:tab/><w:t>带制表符</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let bytes = try SampleVariants.zip([("word/document.xml", Data(xml.utf8))])
        let decoded = try TextDecoder.decode(bytes, fileName: "x.bin")
        XCTAssertEqual(decoded.format, .docx)
        XCTAssertEqual(decoded.text, "\n一、2022年工作回顾\n\n**经济稳中有进。**地区生产总值<预计>213亿元，增长4%。\n第二段\t带制表符\n")
        XCTAssertEqual(TextNormalizer.paragraphs(from: decoded.text),
                       ["一、2022年工作回顾", "经济稳中有进。地区生产总值<预计>213亿元，增长4%。", "第二段 带制表符"])
    }

    func testZipBombIsRefusedBeforeItFillsMemory() throws {
        // 2 MB of one byte deflates to a few KB; with a 1 MB cap it must be refused.
        let big = Data(repeating: 0x41, count: 2 << 20)
        let bytes = try SampleVariants.zip([("word/document.xml", big)])
        XCTAssertLessThan(bytes.count, 64 << 10)
        XCTAssertThrowsError(try DOCXText.extract(bytes, maximumBytes: 1 << 20)) { error in
            XCTAssertTrue("\(error)".contains("over the 1048576-byte limit"), "\(error)")
        }
    }
}
