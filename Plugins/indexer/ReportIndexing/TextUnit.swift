import ChineseText

/// One position of the tokenizer: an ideograph (and whether the next scalar is an ideograph,
/// which makes the bigram), or a lowercase word of letters or digits. Separators take none.
enum TextUnit: Equatable {
    case ideograph(UInt32, joined: Bool)
    case word([UInt8])

    static func units(of text: UnsafeBufferPointer<UInt8>) -> [TextUnit] {
        var units: [TextUnit] = []
        var offset = 0
        while offset < text.count {
            let (raw, length) = UTF8Scalars.decode(text, at: offset)
            let value = ScalarClass.halfWidth(raw)
            switch ScalarClass.of(value) {
            case .separator:
                offset += length
            case .ideograph:
                offset += length
                let joined = offset < text.count && ScalarClass.isIdeograph(UTF8Scalars.decode(text, at: offset).value)
                units.append(.ideograph(value, joined: joined))
            case let kind:
                var word: [UInt8] = []
                while offset < text.count {
                    let (wordRaw, wordLength) = UTF8Scalars.decode(text, at: offset)
                    let wordValue = ScalarClass.halfWidth(wordRaw)
                    guard ScalarClass.of(wordValue) == kind else { break }
                    BigramScanner.appendLowercased(wordValue, to: &word)
                    offset += wordLength
                }
                units.append(.word(word))
            }
        }
        return units
    }
}

extension TextUnit {
    var isIdeograph: Bool {
        if case .ideograph = self { return true }
        return false
    }

    /// An ideograph the next scalar does not join: the end of a run.
    var isRunEnd: Bool {
        if case let .ideograph(_, joined) = self { return !joined }
        return false
    }
}
