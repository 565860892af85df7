import GRDB

/// The FTS5 tokenizer of the search index, registered on every connection under `name`.
/// The work is done by `BigramScanner`; this class only bridges SQLite's C callback.
final class BigramTokenizer: FTS5CustomTokenizer {
    static let name = "report_bigram"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt,
                  tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let mode: BigramScanner.Mode = tokenization.contains(.query) ? .query : .document
        let text = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self),
                                       count: Int(nText))
        return BigramScanner.scan(text, mode: mode) { token, start, end in
            let bytes = UnsafeRawPointer(token.baseAddress!).assumingMemoryBound(to: CChar.self)
            return tokenCallback(context, 0, bytes, CInt(token.count),
                                 CInt(start), CInt(end))
        }
    }
}
