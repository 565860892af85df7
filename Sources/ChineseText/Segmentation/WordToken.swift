/// One piece of segmented text.
public struct WordToken: Sendable, Equatable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
        /// A word (or single character) found in one of the dictionaries.
        case word
        /// Chinese characters not in any dictionary: a word the HMM proposed, or a lone character.
        case unknownWord
        /// Digits, with an optional decimal part and a trailing percent sign: 2022, 6.5%.
        case number
        /// A run of Latin letters and digits holding at least one letter: GDP, PM2.5, 5G.
        case alphanumeric
        /// Any other single character that is not whitespace: punctuation, symbols.
        case symbol
    }

    public let text: String
    public let kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}
