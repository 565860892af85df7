import Foundation
import ReportProtocol

/// China's administrative divisions (Config/gazetteer/divisions.tsv, see its README): every
/// province, prefecture-level unit, district and county with its GB/T 2260 code, level and
/// parent. A region is reported only when it is one of these, so words that merely end in
/// 区 or 县 (行政区, 合作区, 支持县) can never become one.
public struct Gazetteer: Sendable {
    public struct Division: Sendable, Equatable {
        public enum Level: String, Sendable { case province, city, district, county }

        public let code: String
        public let name: String
        public let level: Level
        /// The prefecture-level unit, or the province for units directly under it; nil for a province.
        public let parent: String?
        /// False for a unit the current table no longer has (章丘市 became 章丘区 in 2016).
        public let isCurrent: Bool
        /// For a former unit: the current unit that took its place, when known.
        public let successor: String?
    }

    /// Where the file lives below the configuration directory.
    public static let relativePath = "gazetteer/divisions.tsv"

    public let divisions: [Division]
    /// "divisions.tsv: 3571 units", for messages.
    public let description: String
    private let byCode: [String: Int]
    private let byName: [String: [Int]]
    /// In scalars: no name is longer, so a search need not look further.
    let longestName: Int

    /// Read once per process from `REPORTD_CONFIG_DIR`, the repository's `Config/` above the
    /// executable, or `/etc/reportd` (as the dictionaries are found). Measured with perf on
    /// 2026-12-06: about 6 ms of a release build's start-up for the 148 KB file.
    public static let standard: Result<Gazetteer, GazetteerError> = Result { () throws(GazetteerError) -> Gazetteer in
        let directory: URL
        do {
            directory = try ConfigDirectory.locate(containing: relativePath)
        } catch {
            throw GazetteerError(path: relativePath, problem: "\(error); install it with scripts/install.sh or set REPORTD_CONFIG_DIR")
        }
        return try Gazetteer(contentsOf: directory.appendingPathComponent(relativePath))
    }

    public init(contentsOf url: URL) throws(GazetteerError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GazetteerError(path: url.path, problem: "unreadable: \(error.localizedDescription)")
        }
        try self.init(tsv: Array(data), path: url.path)
    }

    public init(tsv: String, path: String) throws(GazetteerError) {
        try self.init(tsv: Array(tsv.utf8), path: path)
    }

    /// One unit a line: `code name level parent status successor`, tab-separated; `#` starts a
    /// comment. Split as bytes: splitting `String`s took 15 ms of a release build's 35 ms
    /// start-up (perf), bytes take a fraction of that.
    init(tsv bytes: [UInt8], path: String) throws(GazetteerError) {
        var divisions = [Division]()
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let line = bytes[lineStart..<lineEnd]
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 6, fields[0].utf8.count == 6, fields[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let level = Division.Level(rawValue: fields[2]), !fields[1].isEmpty,
                  fields[4] == "current" || fields[4] == "former" else {
                throw GazetteerError(path: path, problem: "line \(lineNumber) is not `code name level parent status successor`: "
                                     + String(decoding: line, as: UTF8.self))
            }
            divisions.append(Division(code: fields[0], name: fields[1], level: level,
                                      parent: fields[3].isEmpty ? nil : fields[3], isCurrent: fields[4] == "current",
                                      successor: fields[5].isEmpty ? nil : fields[5]))
        }
        guard divisions.count > 100 else {
            throw GazetteerError(path: path, problem: "holds \(divisions.count) units; the shipped file has about 3,500")
        }
        self.divisions = divisions
        var byCode = [String: Int]()
        var byName = [String: [Int]]()
        for (i, division) in divisions.enumerated() {
            // A former row may share its code with the current unit renamed in place (桥东区 → 襄都区).
            if division.isCurrent || byCode[division.code] == nil { byCode[division.code] = i }
            byName[division.name, default: []].append(i)
        }
        Self.addShortForms(of: divisions, to: &byName)
        self.byCode = byCode
        self.byName = byName
        longestName = divisions.map { $0.name.unicodeScalars.count }.max() ?? 0
        description = "\(URL(fileURLWithPath: path).lastPathComponent): \(divisions.count) units"
    }

    /// Autonomous units go by their place name and kind in titles, date lines and speakers' lines
    /// (延边州 for 延边朝鲜族自治州, 凉山州, 峨边县 for 峨边彝族自治县): the first two to four
    /// characters and the last. A short form is a name only when it fits one unit and no unit
    /// bears it as its own name; the forms that cut a place name short (黔东州) never occur in text.
    static func addShortForms(of divisions: [Division], to byName: inout [String: [Int]]) {
        // The unit each form fits, or -1 once a second unit fits it too.
        var forms = [String: Int]()
        for (i, division) in divisions.enumerated() where division.isCurrent {
            let name = division.name.unicodeScalars
            guard name.count > 5, let kind = name.last, kind == "州" || kind == "县" || kind == "旗",
                  name.dropLast().last == "治", name.dropLast(2).last == "自" else { continue }
            var form = String.UnicodeScalarView()
            for (length, c) in name.prefix(4).enumerated() {
                form.append(c)
                guard length >= 1, length + 4 < name.count else { continue }
                var short = form
                short.append(kind)
                let key = String(short)
                forms[key] = forms[key] == nil ? i : -1
            }
        }
        for (form, unit) in forms where unit >= 0 && byName[form] == nil {
            byName[form] = [unit]
        }
    }

    /// Every unit of that exact name, current ones first.
    public func units(named name: String) -> [Division] {
        guard let indices = byName[name] else { return [] }
        let units = indices.map { divisions[$0] }
        return units.filter(\.isCurrent) + units.filter { !$0.isCurrent }
    }

    func hasName(_ name: String) -> Bool { byName[name] != nil }

    public func unit(code: String) -> Division? {
        byCode[code].map { divisions[$0] }
    }

    /// The enclosing units, the province first.
    public func ancestors(of division: Division) -> [Division] {
        var chain = [Division]()
        var next = division.parent
        while let code = next, let parent = unit(code: code), chain.count < 4 {
            chain.insert(parent, at: 0)
            next = parent.parent
        }
        return chain
    }

    /// 北京市东城区, 浙江省杭州市淳安县: the unit's name after its ancestors'.
    public func fullName(of division: Division) -> String {
        (ancestors(of: division) + [division]).map(\.name).joined()
    }
}

public struct GazetteerError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let problem: String
    public var description: String { "gazetteer \(path): \(problem)" }
}
