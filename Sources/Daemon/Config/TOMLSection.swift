import TOMLKit

/// Reads typed values from one TOML table, remembering which keys were read so that anything
/// left over can be reported as an unknown key (a typo must never be silently ignored).
struct TOMLSection {
    let table: TOMLTable
    /// The dotted path of this table (`watcher`), empty for the document root.
    let path: String
    let file: String
    private var consumed: Set<String> = []

    init(table: TOMLTable, path: String, file: String) {
        self.table = table
        self.path = path
        self.file = file
    }

    static func parse(_ text: String, file: String) throws(ConfigError) -> TOMLSection {
        do {
            return TOMLSection(table: try TOMLTable(string: text), path: "", file: file)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, key: nil, reason: .syntax(
                line: error.source.begin.line, column: error.source.begin.column, message: error.description))
        } catch {
            throw ConfigError(file: file, key: nil, reason: .syntax(line: 0, column: 0, message: "\(error)"))
        }
    }

    func dotted(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func int(_ key: String) throws(ConfigError) -> Int? {
        guard let value = try value(key, expected: .int, described: "an integer") else { return nil }
        return value.int
    }

    /// An integer that must be at least `minimum`.
    mutating func int(_ key: String, atLeast minimum: Int) throws(ConfigError) -> Int? {
        guard let number = try int(key) else { return nil }
        guard number >= minimum else {
            throw invalid(key, "must be at least \(minimum), got \(number)")
        }
        return number
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = try value(key, expected: .bool, described: "a boolean (true or false)") else { return nil }
        return value.bool
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = try value(key, expected: .string, described: "a string") else { return nil }
        return value.string
    }

    mutating func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = try value(key, expected: .array, described: "an array of strings") else { return nil }
        var strings: [String] = []
        for (index, element) in (value.array ?? []).enumerated() {
            guard let string = element.string else {
                throw ConfigError(file: file, key: "\(dotted(key))[\(index)]",
                                  reason: .wrongType(expected: "a string", found: Self.describe(element.type)))
            }
            strings.append(string)
        }
        return strings
    }

    mutating func stringTable(_ key: String) throws(ConfigError) -> [String: String]? {
        guard var section = try section(key) else { return nil }
        var result: [String: String] = [:]
        for name in section.table.keys {
            result[name] = try section.string(name)
        }
        return result
    }

    mutating func section(_ key: String) throws(ConfigError) -> TOMLSection? {
        guard let value = try value(key, expected: .table, described: "a table") else { return nil }
        guard let table = value.table else { return nil }
        return TOMLSection(table: table, path: dotted(key), file: file)
    }

    /// Fails on the first key that was never read, suggesting the closest known one.
    func rejectUnknownKeys(known: [String]) throws(ConfigError) {
        for key in table.keys.sorted() where !consumed.contains(key) {
            throw ConfigError(file: file, key: dotted(key),
                              reason: .unknownKey(suggestion: Self.closest(to: key, among: known)))
        }
    }

    func invalid(_ key: String, _ why: String) -> ConfigError {
        ConfigError(file: file, key: dotted(key), reason: .invalidValue(why))
    }

    private mutating func value(_ key: String, expected: TOMLType, described: String) throws(ConfigError) -> TOMLValueConvertible? {
        consumed.insert(key)
        guard let value = table[key] else { return nil }
        guard value.type == expected else {
            throw ConfigError(file: file, key: dotted(key),
                              reason: .wrongType(expected: described, found: Self.describe(value.type)))
        }
        return value
    }

    private static func describe(_ type: TOMLType) -> String {
        switch type {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a floating-point number"
        case .bool: return "a boolean"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }

    /// The known key within edit distance 2 of `key`, so `settle_msec` suggests `settle_ms`.
    private static func closest(to key: String, among known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(Array(key), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 || best.0.hasPrefix(key) || key.hasPrefix(best.0) else {
            return nil
        }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
