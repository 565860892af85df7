/// A text cut into tokens that are places in it rather than copies: what a caller that counts
/// words needs, without a `String` per token. `Segmenter.tokens` is these spans made into strings.
public struct SegmentedText: Sendable {
    /// One token: where it lies (Unicode-scalar offsets into the text), what kind it is, and for
    /// a dictionary word the word's number in the segmenter's table, the same at every
    /// occurrence (and in every text cut by the same segmenter), so words can be counted by
    /// integer instead of by string. Tokens of other kinds have `word` -1.
    public struct Span: Sendable, Equatable {
        public let range: Range<Int>
        public let kind: WordToken.Kind
        public let word: Int32
    }

    let input: SegmenterInput
    public internal(set) var spans: [Span] = []

    init(_ input: SegmenterInput) {
        self.input = input
    }

    /// How many Unicode scalars the text has.
    public var scalarCount: Int { input.scalars.count }

    /// The text between two scalar offsets, cut from its UTF-8 bytes.
    public func text(_ range: Range<Int>) -> String {
        input.string(range)
    }

    /// The Unicode scalar values of the text.
    public var scalars: [UInt32] { input.scalars }
}
