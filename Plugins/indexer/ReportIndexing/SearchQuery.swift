import ChineseText

/// A user's search text, parsed.
///
/// The language, applied to whole reports: terms separated by spaces must all occur; `OR`
/// (upper case) between two terms lets either occur; `-term` leaves out reports containing it;
/// `"…"` is a phrase whose words must follow each other within one paragraph. Any other
/// character is literal text to find.
struct SearchQuery: Equatable {
    struct Term: Equatable {
        var text: String
    }

    /// A report must contain a term of every group.
    var required: [[Term]]
    var excluded: [Term]

    /// Terms whose occurrences the snippet may highlight.
    var positiveTerms: [Term] { required.flatMap { $0 } }

    init(required: [[Term]], excluded: [Term]) {
        self.required = required
        self.excluded = excluded
    }

    init(parsing text: String) {
        var required: [[Term]] = []
        var excluded: [Term] = []
        var joinNextWithPrevious = false
        for piece in Self.pieces(of: text) {
            if piece.isOperator {
                joinNextWithPrevious = !required.isEmpty
                continue
            }
            // Terms with nothing searchable (`*`, `:`, `-`) would be empty phrases: drop them.
            guard Self.isSearchable(piece.text) else { continue }
            let term = Term(text: piece.text)
            if piece.excluded {
                excluded.append(term)
            } else if joinNextWithPrevious {
                required[required.count - 1].append(term)
            } else {
                required.append([term])
            }
            joinNextWithPrevious = false
        }
        self.init(required: required, excluded: excluded)
    }

    /// Each term joined by its other spelling where `alternative` gives one: a query typed in
    /// traditional script (冬奧) also looks for the simplified text (冬奥) the index mostly holds,
    /// and still finds a report printed in traditional script.
    func withAlternatives(_ alternative: (String) -> String) -> SearchQuery {
        func widened(_ terms: [Term]) -> [Term] {
            terms.flatMap { term -> [Term] in
                let other = alternative(term.text)
                return other == term.text ? [term] : [term, Term(text: other)]
            }
        }
        return SearchQuery(required: required.map(widened), excluded: widened(excluded))
    }

    private struct Piece {
        var text: String
        var excluded: Bool
        var isOperator: Bool
    }

    private static func pieces(of text: String) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var index = 0
        while index < scalars.count {
            if scalars[index].properties.isWhitespace { index += 1; continue }
            var excluded = false
            if scalars[index] == "-", index + 1 < scalars.count, !scalars[index + 1].properties.isWhitespace {
                excluded = true
                index += 1
            }
            var body = String.UnicodeScalarView()
            var quoted = false
            if scalars[index] == "\"" {
                quoted = true
                index += 1
                while index < scalars.count, scalars[index] != "\"" { body.append(scalars[index]); index += 1 }
                index += 1 // the closing quote, if any
            } else {
                while index < scalars.count, !scalars[index].properties.isWhitespace { body.append(scalars[index]); index += 1 }
            }
            let text = String(body)
            pieces.append(Piece(text: text, excluded: excluded, isOperator: !quoted && !excluded && text == "OR"))
        }
        return pieces
    }

    private static func isSearchable(_ text: String) -> Bool {
        text.unicodeScalars.contains { ScalarClass.of(ScalarClass.halfWidth($0.value)) != .separator }
    }
}
