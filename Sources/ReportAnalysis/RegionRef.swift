/// Which government a report speaks for, as far as the report (or the store) knows it.
public struct RegionRef: Codable, Sendable, Hashable {
    /// The State Council's reports: the whole country.
    public static let national = RegionRef(name: "全国", level: "national")

    /// The administrative division code (110119 for 延庆区) when one is known.
    public var code: String?
    /// The name as the report writes it, e.g. 延庆区.
    public var name: String?
    /// The name with its enclosing units, e.g. 北京市延庆区.
    public var fullName: String?
    /// "national", "province", "city", "district" or "county".
    public var level: String?

    public init(code: String? = nil, name: String?, fullName: String? = nil, level: String?) {
        self.code = code
        self.name = name
        self.fullName = fullName
        self.level = level
    }

    /// Whether two reports are the same government's: by code when both have one (a renamed
    /// region keeps its code only when the store says so); otherwise by level and name, the full
    /// name when both have it (two 朝阳区 differ only there). A region with no name matches nothing.
    public func isSameRegion(as other: RegionRef) -> Bool {
        if let code, let otherCode = other.code { return code == otherCode }
        guard level == other.level else { return false }
        if let fullName, let otherFull = other.fullName { return fullName == otherFull }
        guard let name, let otherName = other.name else { return false }
        return name == otherName
    }

    /// Whether two reports are surely one government's: the same code, or, without codes on
    /// both, the same level, name and full name (a missing full name only on one side leaves
    /// 朝阳区 ambiguous between 北京市 and 长春市). What makes two reports of one plan year copies.
    public func isSurelySameRegion(as other: RegionRef) -> Bool {
        if let code, let otherCode = other.code { return code == otherCode }
        return name != nil && name == other.name && level == other.level && fullName == other.fullName
    }

    /// The name to show: the full name when known.
    public var displayName: String { fullName ?? name ?? code ?? "?" }
}
