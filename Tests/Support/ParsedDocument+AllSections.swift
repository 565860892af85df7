import ReportProtocol

extension ParsedDocument {
    /// Every section at every level, parents before their children, in document order: the
    /// parser nests （一） sub-sections under 一、, and a heading is a heading at any depth.
    public var allSections: [Section] {
        func flatten(_ sections: [Section]) -> [Section] {
            sections.flatMap { [$0] + flatten($0.children) }
        }
        return flatten(sections)
    }
}
