import Foundation
import TOMLKit

/// What reportd-web reads from reportd.toml: its own `[web]` table, and where the daemon's
/// sockets are (`[daemon]` data_dir and control_endpoint, `[feed]` endpoint). The daemon checks
/// the rest of the file; here unknown keys in `[web]` only are refused, naming the key.
struct WebConfigFile: Equatable {
    static let webKeys = ["listen", "timeout_seconds"]

    var listen: ListenAddress?
    var timeoutSeconds: Double?
    var dataDirectory: String?
    var controlEndpoint: String?
    var feedEndpoint: String?

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func read(path: String) throws -> WebConfigFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) }
        catch { throw Problem(description: "cannot read the config file \(path): \(error.localizedDescription)") }
        return try parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws -> WebConfigFile {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) }
        catch { throw Problem(description: "\(file) is not valid TOML: \(error)") }
        var config = WebConfigFile()
        if let web = root["web"] {
            guard let table = web.table else { throw Problem(description: "\(file): web must be a table ([web])") }
            for key in table.keys.sorted() where !webKeys.contains(key) {
                throw Problem(description: "\(file): web.\(key) is not a setting of reportd-web; known: \(webKeys.joined(separator: ", "))")
            }
            if let listen = table["listen"] {
                guard let text = listen.string, let address = ListenAddress(text) else {
                    throw Problem(description: "\(file): web.listen must be a string HOST:PORT, e.g. \"127.0.0.1:8080\"")
                }
                config.listen = address
            }
            if let timeout = table["timeout_seconds"] {
                guard let seconds = timeout.double ?? timeout.int.map(Double.init), seconds > 0 else {
                    throw Problem(description: "\(file): web.timeout_seconds must be a number above 0")
                }
                config.timeoutSeconds = seconds
            }
        }
        config.dataDirectory = root["daemon"]?.table?["data_dir"]?.string
        config.controlEndpoint = root["daemon"]?.table?["control_endpoint"]?.string
        config.feedEndpoint = root["feed"]?.table?["endpoint"]?.string
        return config
    }
}
