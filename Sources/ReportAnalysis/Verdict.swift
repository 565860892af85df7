/// How a target fared against its outcome.
public enum Verdict: Sendable, Equatable {
    case met
    /// Short of the target by `by` (always positive) in `unit`: "points" for percentages,
    /// the target's own unit (万人, 亿元) for amounts.
    case missed(by: Double, unit: String)
    /// The report said it set no such target (2020: 没有提出全年经济增速具体目标).
    case notStated
    /// No report reviewing the target's year is stored yet.
    case pending
    /// The report reviewing the year is stored, but states no comparable actual in its review.
    case noActual

    public static func missed(by gap: Double) -> Verdict { .missed(by: gap, unit: Self.points) }
    public static let points = "points"

    /// met, missed, not_stated, pending, no_actual: the name scripts and the feed use.
    public var name: String {
        switch self {
        case .met: "met"
        case .missed: "missed"
        case .notStated: "not_stated"
        case .pending: "pending"
        case .noActual: "no_actual"
        }
    }

    public var gap: Double? {
        if case .missed(let gap, _) = self { return gap }
        return nil
    }

    /// "missed by 1.1 points", "met", "pending".
    public var description: String {
        guard case .missed(let gap, let unit) = self else { return name.replacingOccurrences(of: "_", with: " ") }
        let number = gap == gap.rounded() ? String(Int(gap)) : String(gap)
        return unit == Self.points ? "missed by \(number) points" : "missed by \(number)\(unit)"
    }
}

extension Verdict: Codable {
    private enum CodingKeys: String, CodingKey { case verdict, gap, gapUnit }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .verdict)
        switch name {
        case "met": self = .met
        case "missed": self = .missed(by: try c.decode(Double.self, forKey: .gap), unit: try c.decode(String.self, forKey: .gapUnit))
        case "not_stated": self = .notStated
        case "pending": self = .pending
        case "no_actual": self = .noActual
        default:
            throw DecodingError.dataCorruptedError(forKey: .verdict, in: c,
                debugDescription: "verdict \"\(name)\" is none of met, missed, not_stated, pending, no_actual")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .verdict)
        if case .missed(let gap, let unit) = self {
            try c.encode(gap, forKey: .gap)
            try c.encode(unit, forKey: .gapUnit)
        }
    }
}
