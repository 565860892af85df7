import Foundation
import XCTest
import ChineseText
import TestSupport

final class TextDecoderTests: XCTestCase {
    private var sample: String!

    override func setUpWithError() throws {
        sample = try Corpus.text("002")
    }

    func testPlainUTF8() throws {
        let decoded = try TextDecoder.decode(Array(sample.utf8))
        XCTAssertEqual(decoded.encoding, "utf-8")
        XCTAssertEqual(decoded.text, sample)
        XCTAssertEqual(decoded.format, .plainText)
    }

    func testUTF8WithBOM() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        XCTAssertEqual(decoded.encoding, "utf-8-bom")
        XCTAssertEqual(decoded.text, sample)
    }

    func testUTF16LittleEndianWithBOM() throws {
        let bytes = [0xFF, 0xFE] + Array(sample.data(using: .utf16LittleEndian)!)
        let decoded = try TextDecoder.decode(bytes)
        XCTAssertEqual(decoded.encoding, "utf-16le")
        XCTAssertEqual(decoded.text, sample)
    }

    func testUTF16BigEndianWithBOM() throws {
        let bytes = [0xFE, 0xFF] + Array(sample.data(using: .utf16BigEndian)!)
        let decoded = try TextDecoder.decode(bytes)
        XCTAssertEqual(decoded.encoding, "utf-16be")
        XCTAssertEqual(decoded.text, sample)
    }

    func testGB18030IsDetectedFromTheBytes() throws {
        let bytes = Array(try XCTUnwrap(sample.data(using: Corpus.gb18030)))
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the re-encoded sample must not also be valid UTF-8")
        let decoded = try TextDecoder.decode(bytes, fileName: "report.txt")
        XCTAssertEqual(decoded.encoding, "gb18030")
        XCTAssertEqual(decoded.text, sample)
    }

    func testEmptyAndWhitespaceOnlyFilesFail() {
        for bytes in [[UInt8](), Array(" \n\r\n\t".utf8)] {
            XCTAssertThrowsError(try TextDecoder.decode(bytes)) { error in
                XCTAssertEqual(error as? TextDecodingError, .empty)
                XCTAssertTrue("\(error)".contains("empty"))
            }
        }
    }

    func testKnownBinaryFormatsAreNamed() {
        let cases: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "a PNG image"),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "a JPEG image"),
            (Array("GIF89a".utf8) + [1, 0, 1, 0], "a GIF image"),
            ([0x1F, 0x8B, 8, 0], "a gzip archive"),
        ]
        for (bytes, name) in cases {
            XCTAssertThrowsError(try TextDecoder.decode(bytes)) { error in
                XCTAssertEqual(error as? TextDecodingError, .binaryFormat(name))
                XCTAssertTrue("\(error)".contains(name), "\(error)")
            }
        }
    }

    /// PDF and DOCX are read, so a broken one is named and the damage said, not "binary".
    func testDamagedDocumentsAreNamed() {
        let zipHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0]
        let cases: [([UInt8], String)] = [
            (Array("%PDF-1.7\n%âãÏÓ\n".utf8), "the file is a damaged PDF document"),
            (zipHeader + Array("mimetypeapplication/zip".utf8), "the file is a ZIP archive whose text cannot be read (damaged ZIP container"),
            (zipHeader + Array("word/document.xml".utf8), "the file is a Word document (DOCX) whose text cannot be read (damaged ZIP container"),
        ]
        for (bytes, description) in cases {
            XCTAssertThrowsError(try TextDecoder.decode(bytes)) { error in
                XCTAssertTrue("\(error)".hasPrefix(description), "\(error)")
            }
        }
    }

    func testNULBytesMeanBinaryData() {
        var bytes = Array(sample.utf8.prefix(300))
        bytes.insert(contentsOf: [0, 0, 1, 2, 0], at: 100)
        XCTAssertThrowsError(try TextDecoder.decode(bytes)) { error in
            guard case .binaryData(let nul, _, _)? = error as? TextDecodingError else {
                return XCTFail("expected binaryData, got \(error)")
            }
            XCTAssertEqual(nul, 3)
            XCTAssertTrue("\(error)".contains("binary data"))
        }
    }

    /// High bytes arranged as valid two-byte GB18030 characters: they decode, but into rare
    /// characters no report is written in.
    func testRandomHighBytesAreImplausibleGB18030() throws {
        var generator = SeededGenerator(seed: 42)
        var bytes = [UInt8]()
        for _ in 0..<2000 {
            bytes.append(UInt8(0x81 + generator.next() % 0x7E))     // lead 0x81…0xFE
            bytes.append(UInt8(0x80 + generator.next() % 0x7F))     // trail 0x80…0xFE
        }
        XCTAssertNotNil(String(data: Data(bytes), encoding: Corpus.gb18030), "precondition: valid GB18030")
        XCTAssertThrowsError(try TextDecoder.decode(bytes)) { error in
            guard case .implausibleText(let encoding, let detail)? = error as? TextDecodingError else {
                return XCTFail("expected implausibleText, got \(error)")
            }
            XCTAssertEqual(encoding, "gb18030")
            XCTAssertTrue(detail.contains("common Chinese characters"), detail)
        }
    }

    func testBytesValidInNoEncodingFail() {
        // Latin-1 "é" followed by ASCII is neither UTF-8 nor a GB18030 trail byte.
        let bytes = Array("caf".utf8) + [0xE9] + Array(" au lait, ".utf8) + [0xFF]
        XCTAssertThrowsError(try TextDecoder.decode(bytes)) { error in
            XCTAssertEqual(error as? TextDecodingError, .undecodable)
            XCTAssertTrue("\(error)".contains("not valid UTF-8, UTF-16 or GB18030"))
        }
    }

    func testUTF16BOMFollowedByNoiseIsRefused() {
        var generator = SeededGenerator(seed: 7)
        let noise = (0..<4000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        XCTAssertThrowsError(try TextDecoder.decode([0xFF, 0xFE] + noise)) { error in
            switch error as? TextDecodingError {
            case .implausibleText(let encoding, _)?: XCTAssertEqual(encoding, "utf-16le")
            case .undecodable?: break   // an unpaired surrogate: refused as well
            default: XCTFail("expected the noise to be refused, got \(error)")
            }
        }
    }
}

/// Files cut off in the middle of a character, as an interrupted copy leaves them.
final class TruncatedFileTests: XCTestCase {
    func testUTF8CutMidCharacterKeepsWhatCameBefore() throws {
        let whole = Array("地区生产总值增长4%。就业稳定".utf8)
        let cut = Array(whole.dropLast(2))   // 定 keeps only its first byte
        let decoded = try TextDecoder.decode(cut)
        XCTAssertEqual(decoded.encoding, "utf-8")
        XCTAssertEqual(decoded.text, "地区生产总值增长4%。就业稳")
        let cutInside = Array(whole.dropLast(1))
        XCTAssertEqual(try TextDecoder.decode(cutInside).text, "地区生产总值增长4%。就业稳")
    }

    func testGB18030CutMidCharacter() throws {
        let sample = try Corpus.text("004")
        var bytes = Array(try XCTUnwrap(sample.data(using: Corpus.gb18030)))
        while bytes.last! < 0x80 { bytes.removeLast() }
        bytes.removeLast()   // now ends on the lead byte of a two-byte character
        let decoded = try TextDecoder.decode(bytes)
        XCTAssertEqual(decoded.encoding, "gb18030")
        XCTAssertTrue(sample.hasPrefix(decoded.text))
    }

    func testUTF16WithOddByteCount() throws {
        let bytes = [0xFF, 0xFE] + Array("地区生产总值".data(using: .utf16LittleEndian)!) + [0x30]
        XCTAssertEqual(try TextDecoder.decode(bytes).text, "地区生产总值")
    }
}
