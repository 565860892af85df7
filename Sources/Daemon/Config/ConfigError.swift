/// Why a configuration could not be loaded. Every message names where the bad value came from
/// (the file and the dotted key, or the command-line flag) and what is wrong with it.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    enum Reason: Equatable, Sendable {
        /// The file could not be read at all.
        case unreadable(String)
        /// TOMLKit rejected the document.
        case syntax(line: Int, column: Int, message: String)
        /// A key the daemon does not know; `suggestion` is the closest known key, if any is close.
        case unknownKey(suggestion: String?)
        /// The key holds a value of the wrong TOML type; `expected` reads "an integer", "a string"…
        case wrongType(expected: String, found: String)
        /// The value has the right type but is out of range or malformed.
        case invalidValue(String)
    }

    /// The file the value came from, or nil for a command-line flag or a built-in default.
    var file: String?
    /// The dotted key (`watcher.settle_ms`) or the flag (`--feed`); nil for whole-file errors.
    var key: String?
    var reason: Reason

    init(file: String?, key: String?, reason: Reason) {
        self.file = file
        self.key = key
        self.reason = reason
    }

    public var description: String {
        let origin = file.map { " in \($0)" } ?? ""
        let subject: String
        if let key {
            if key.hasPrefix("--") { subject = "flag \(key)" }
            else { subject = "key `\(key)`" + (file.map { " in \($0)" } ?? " (built-in default)") }
        } else {
            subject = file ?? "configuration"
        }
        switch reason {
        case .unreadable(let why):
            return "cannot read config file \(file ?? "?"): \(why)"
        case .syntax(let line, let column, let message):
            return "\(file ?? "config"):\(line):\(column): invalid TOML: \(message)"
        case .unknownKey(let suggestion):
            let hint = suggestion.map { " (did you mean `\($0)`?)" } ?? ""
            return "unknown key `\(key ?? "?")`\(origin)\(hint)"
        case .wrongType(let expected, let found):
            return "\(subject) must be \(expected), found \(found)"
        case .invalidValue(let why):
            return "\(subject): \(why)"
        }
    }
}
