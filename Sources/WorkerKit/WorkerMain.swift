import Foundation
import Logging
import ReportLogging
import ReportProtocol
import ZMQ

/// The entry point every plugin executable calls from its `main.swift`.
///
///     report-parser serve [--broker ENDPOINT]   # the worker; REPORTD_BROKER is the default endpoint
///         [--server-key KEY|FILE --key-file FILE] # CURVE; REPORTD_CURVE_SERVER_KEY, REPORTD_CURVE_KEY_FILE
///     report-parser parse FILE                   # one-shot, prints JSON
public enum WorkerMain {
    public static func run(_ plugin: some WorkerPlugin, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let environment = ProcessInfo.processInfo.environment
        ReportLogging.bootstrap(level: ReportLogging.level(named: environment[ReportLogging.levelVariable]) ?? .info,
                                format: environment[ReportLogging.formatVariable].flatMap(LogFormat.init(rawValue:)) ?? .plain)
        guard let command = arguments.first else { exitWithUsage(plugin, status: 64) }
        switch command {
        case "serve":
            serve(plugin, arguments: Array(arguments.dropFirst()))
        case "--help", "-h", "help":
            exitWithUsage(plugin, status: 0)
        case "--version":
            print("\(plugin.name) \(plugin.version) (protocol \(WorkerProtocol.header))")
            exit(0)
        default:
            guard let oneShot = plugin.oneShotCommands.first(where: { $0.name == command }) else {
                FileHandle.standardError.write(Data("\(plugin.name): unknown command '\(command)'\n".utf8))
                exitWithUsage(plugin, status: 64)
            }
            runOneShot(oneShot, plugin: plugin, arguments: Array(arguments.dropFirst()))
        }
    }

    private static func serve(_ plugin: some WorkerPlugin, arguments: [String]) -> Never {
        let environment = ProcessInfo.processInfo.environment
        func setting(_ flag: String, _ variable: String) -> String? {
            if let index = arguments.firstIndex(of: flag), index + 1 < arguments.count { return arguments[index + 1] }
            return environment[variable]
        }
        guard let endpoint = setting("--broker", "REPORTD_BROKER") else {
            fail(plugin, "no broker endpoint: pass --broker ENDPOINT or set REPORTD_BROKER")
        }
        let logger = Logger(label: plugin.name)
        do {
            let curve = try CurveClientCredentials.resolve(
                serverKey: setting("--server-key", "REPORTD_CURVE_SERVER_KEY"),
                keyFile: setting("--key-file", "REPORTD_CURVE_KEY_FILE"),
                serverSetting: "--server-key/REPORTD_CURVE_SERVER_KEY", keySetting: "--key-file/REPORTD_CURVE_KEY_FILE")
            let services = try AssignedServices.resolve(offered: plugin.services,
                                                        assigned: setting("--services", "REPORTD_SERVICES"))
            try plugin.prepare()
            try WorkerRunner(plugin: plugin, services: services, endpoint: endpoint, curve: curve, logger: logger).run()
            exit(0)
        } catch {
            fail(plugin, "\(error)")
        }
    }

    private static func runOneShot(_ command: OneShotCommand, plugin: some WorkerPlugin, arguments: [String]) -> Never {
        do {
            var output = try command.run(arguments)
            output.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(Data(output))
            exit(0)
        } catch let failure as JobFailure {
            fail(plugin, failure.reason)
        } catch {
            fail(plugin, "\(error)")
        }
    }

    private static func exitWithUsage(_ plugin: some WorkerPlugin, status: Int32) -> Never {
        var lines = ["usage: \(plugin.name) serve [--broker ENDPOINT] [--services LIST] [--server-key KEY|FILE --key-file FILE]",
                     "           serve \(plugin.services.joined(separator: ", ")) for reportd, or the comma-separated LIST of them",
                     "           (default REPORTD_SERVICES); the two key options: CURVE"]
        lines += plugin.oneShotCommands.map { "       \(plugin.name) \($0.name) \($0.usage)" }
        lines.append("       \(plugin.name) --version")
        let text = lines.joined(separator: "\n") + "\n"
        (status == 0 ? FileHandle.standardOutput : FileHandle.standardError).write(Data(text.utf8))
        exit(status)
    }

    private static func fail(_ plugin: some WorkerPlugin, _ message: String) -> Never {
        FileHandle.standardError.write(Data("\(ReportLogging.startFailurePrefix())\(plugin.name): \(message)\n".utf8))
        exit(1)
    }
}
