import ArgumentParser
import Foundation
import ZMQ

/// `reportctl keygen`: a CURVE key pair for a worker machine or a client of a daemon on the network.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CURVE key pair: NAME.key (public, 0644) and NAME.key_secret (secret, 0600).",
        discussion: """
            Copy NAME.key into the daemon's authorised keys folder (by default DATA_DIR/keys/authorized/) \
            to let this client in; keep NAME.key_secret on the client and pass it as --key-file or \
            REPORTD_CURVE_KEY_FILE. Existing files are never replaced.
            """)

    @Option(help: ArgumentHelp("Folder to write the key files into (created with mode 0700 if missing).", valueName: "dir"))
    var out: String = "."

    @Option(help: ArgumentHelp("Base name of the key files; defaults to this machine's host name.", valueName: "name"))
    var name: String?

    @Flag(help: "Print the public key and the files written as JSON.") var json = false

    func validate() throws {
        if let name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            throw ValidationError("--name must be a plain file name (no '/', not starting with '.')")
        }
    }

    func run() throws {
        let keyName = name ?? ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "client"
        let keys = try CurveKeyPair.generate()
        let written = try CurveKeyFiles.write(keys, to: URL(fileURLWithPath: out).standardizedFileURL, name: keyName,
                                              comment: "reportd CURVE key \(keyName)")
        if json {
            try Output.json(KeygenView(publicKey: keys.publicKey, publicFile: written.publicFile.path,
                                       secretFile: written.secretFile.path))
        } else {
            try Output.line("public key: \(keys.publicKey)")
            try Output.line("wrote \(written.publicFile.path) (authorise it on the daemon) and \(written.secretFile.path) (keep it secret)")
        }
    }
}

/// What `keygen --json` prints.
struct KeygenView: Encodable {
    var publicKey: String
    var publicFile: String
    var secretFile: String
}
