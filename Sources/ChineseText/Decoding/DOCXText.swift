import Foundation
import ZIPFoundation

/// The text of a Word (DOCX) file: `word/document.xml` from the ZIP container, read with a cap
/// on the uncompressed size so a zip bomb is refused instead of filling memory.
public enum DOCXText {
    /// A 300-page report's document.xml is a few MB; 64 MB leaves room for heavy formatting.
    public static let maximumDocumentBytes = 64 << 20
    static let documentEntry = "word/document.xml"

    public static func isZIP(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    public static func extract(_ bytes: [UInt8], maximumBytes: Int = maximumDocumentBytes) throws(TextDecodingError) -> String {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            // Named as the entry names in its first local headers suggest: a Word file, a workbook…
            throw .unreadableDocument(format: BinarySniffer.knownFormat(bytes) ?? "a ZIP archive",
                                      detail: "damaged ZIP container: \(error)")
        }
        guard let entry = archive[documentEntry] else {
            throw .binaryFormat(BinarySniffer.knownFormat(bytes) ?? "a ZIP archive")
        }
        // The size in the header can lie, so the count is also checked while inflating.
        guard entry.uncompressedSize <= UInt64(maximumBytes) else {
            throw .unreadableDocument(format: "a Word document (DOCX)",
                                      detail: "\(documentEntry) would unpack to \(entry.uncompressedSize) bytes, over the \(maximumBytes)-byte limit")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= maximumBytes else { throw SizeLimitExceeded() }
                xml.append(chunk)
            }
        } catch is SizeLimitExceeded {
            throw .unreadableDocument(format: "a Word document (DOCX)",
                                      detail: "\(documentEntry) unpacks to more than \(maximumBytes) bytes")
        } catch {
            throw .unreadableDocument(format: "a damaged Word document (DOCX)", detail: "\(documentEntry): \(error)")
        }
        let text = WordprocessingML.text(fromDocumentXML: Array(xml))
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        return text
    }

    private struct SizeLimitExceeded: Error {}
}
